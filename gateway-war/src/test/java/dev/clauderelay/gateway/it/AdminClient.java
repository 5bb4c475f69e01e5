package dev.clauderelay.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Drives the admin API as an admin would, for test setup and checks. */
final class AdminClient {

  private final Http http;
  private final String token;

  AdminClient(Http http) {
    this.http = http;
    HttpResponse<String> response =
        http.postJson(
            "/api/admin/auth",
            "{\"username\":\"admin\",\"password\":\""
                + RelayTestEnvironment.ADMIN_PASSWORD
                + "\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    token = GatewayIT.json(response).getString("token");
  }

  HttpResponse<String> send(String method, String path, String json) {
    HttpRequest.Builder request =
        http.request(path)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json");
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return http.send(request);
  }

  JsonObject post(String path, String json) {
    HttpResponse<String> response = send("POST", path, json);
    assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(200, 201);
    return GatewayIT.json(response);
  }

  JsonObject get(String path) {
    HttpResponse<String> response = send("GET", path, null);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return GatewayIT.json(response);
  }
}
