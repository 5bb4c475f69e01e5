package dev.clauderelay.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin API group by group (happy path, bad input naming the field, no token), the Claude
 * account OAuth flow against a mock OAuth server (PKCE, state, code exchange, timer refresh, a
 * failed refresh marking the account), and that no answer ever carries a full secret.
 */
@ExtendWith({RelayTestEnvironment.class, ArquillianExtension.class})
class AdminApiIT {

  private static final String SECRET_KEY = "sk-admin-it-secret-key-abcdefghijklmnop-0001";

  @Deployment(testable = false)
  static WebArchive gateway() {
    return RelayWar.asBuilt();
  }

  @ArquillianResource private URL deployment;
  private Http http;
  private AdminClient admin;

  @BeforeEach
  void signIn() {
    http = new Http(deployment);
    admin = new AdminClient(http);
  }

  @Test
  void everyAdminEndpointGroupRefusesAMissingToken() {
    for (String path :
        List.of(
            "/api/admin/providers",
            "/api/admin/providers/presets",
            "/api/admin/client-keys",
            "/api/admin/routes",
            "/api/admin/models",
            "/api/admin/claude-accounts",
            "/api/admin/dashboard",
            "/api/admin/usage",
            "/api/admin/audit",
            "/api/admin/config/export",
            "/api/admin/plugins")) {
      assertThat(http.get(path).statusCode()).as(path).isEqualTo(401);
    }
  }

  @Test
  void providersValidateTheirInputNamingTheField() {
    assertInvalid(admin.send("POST", "/api/admin/providers", "{\"kind\":\"anthropic\"}"), "name");
    assertInvalid(
        admin.send("POST", "/api/admin/providers", "{\"name\":\"p1\",\"kind\":\"azure\"}"), "kind");
    assertInvalid(
        admin.send(
            "POST",
            "/api/admin/providers",
            "{\"name\":\"p1\",\"kind\":\"openai\",\"baseUrl\":\"ftp://x\"}"),
        "baseUrl");
    assertInvalid(
        admin.send(
            "POST",
            "/api/admin/providers",
            "{\"name\":\"p1\",\"kind\":\"anthropic\",\"strategy\":\"nope\"}"),
        "strategy");
    assertInvalid(
        admin.send(
            "POST",
            "/api/admin/providers",
            "{\"name\":\"p1\",\"kind\":\"anthropic\",\"colour\":1}"),
        "colour");
    assertInvalid(
        admin.send(
            "POST",
            "/api/admin/providers",
            "{\"name\":\"p1\",\"kind\":\"anthropic\",\"connectTimeoutMs\":\"soon\"}"),
        "connectTimeoutMs");
  }

  @Test
  void providersAreCreatedFromAPresetAndRefusedDeletionWhileARouteUsesThem() {
    JsonObject presets = admin.get("/api/admin/providers/presets");
    assertThat(presets.toString())
        .contains("\"id\":\"deepseek\"")
        .contains("\"id\":\"google-gemini\"");
    JsonObject deepseek =
        presets.getJsonArray("presets").getValuesAs(JsonObject.class).stream()
            .filter(p -> p.getString("id").equals("deepseek"))
            .findFirst()
            .orElseThrow();

    JsonObject provider =
        admin.post(
            "/api/admin/providers",
            "{\"name\":\"from-preset\",\"kind\":\""
                + deepseek.getString("kind")
                + "\",\"baseUrl\":\""
                + deepseek.getString("baseUrl")
                + "\",\"models\":"
                + deepseek.getJsonArray("models")
                + "}");
    admin.post("/api/admin/routes", "{\"match\":\"preset-*\",\"provider\":\"from-preset\"}");

    HttpResponse<String> refused =
        admin.send("DELETE", "/api/admin/providers/" + provider.getInt("id"), null);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("preset-*");
  }

  @Test
  void aProviderCreatedWithItsKeysGetsAllOrNone() {
    HttpResponse<String> refused =
        admin.send(
            "POST",
            "/api/admin/providers",
            "{\"name\":\"inline-bad\",\"kind\":\"anthropic\",\"baseUrl\":\"http://127.0.0.1:9\","
                + "\"keys\":[\"sk-inline-good-0001\",\"not a key\"]}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("keys[1]").contains("printable");
    assertThat(admin.get("/api/admin/providers").toString()).doesNotContain("inline-bad");
    assertThat(
            admin
                .send(
                    "POST",
                    "/api/admin/providers",
                    "{\"name\":\"inline-dup\",\"kind\":\"anthropic\","
                        + "\"keys\":[\"sk-inline-same-0001\",\"sk-inline-same-0001\"]}")
                .body())
        .contains("keys[1]")
        .contains("repeats");

    JsonObject provider =
        admin.post(
            "/api/admin/providers",
            "{\"name\":\"inline-keys\",\"kind\":\"anthropic\",\"baseUrl\":\"http://127.0.0.1:9\","
                + "\"keys\":[\"sk-inline-key-00001\",\"sk-inline-key-00002\"]}");

    JsonObject pool = admin.get("/api/admin/key-pool/" + provider.getInt("id"));
    assertThat(pool.getJsonObject("keys").getInt("total")).isEqualTo(2);
    assertThat(pool.toString()).doesNotContain("sk-inline-key-00001");
  }

  @Test
  void clientKeysAndRoutesValidateTheirInput() {
    assertInvalid(admin.send("POST", "/api/admin/client-keys", "{\"name\":\"\"}"), "name");
    assertInvalid(
        admin.send("POST", "/api/admin/client-keys", "{\"name\":\"k\",\"rpmLimit\":-1}"),
        "rpmLimit");
    assertInvalid(
        admin.send("POST", "/api/admin/client-keys", "{\"name\":\"k\",\"expiresAt\":\"tomorrow\"}"),
        "expiresAt");
    assertInvalid(
        admin.send("POST", "/api/admin/routes", "{\"match\":\"x\",\"provider\":\"nobody\"}"),
        "provider");
    assertInvalid(
        admin.send(
            "POST", "/api/admin/routes", "{\"provider\":\"nobody\",\"scenario\":\"weekend\"}"),
        "scenario");
    assertThat(admin.send("PUT", "/api/admin/routes/999999", "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void oauthSignInUsesPkceChecksTheStateAndStoresTokensThatTheTimerRefreshes() throws Exception {
    MockOAuthServer oauth = RelayTestEnvironment.oauth();
    JsonObject account =
        admin.post(
            "/api/admin/claude-accounts", "{\"name\":\"subscription-1\",\"authType\":\"oauth\"}");
    assertThat(account.getString("status")).isEqualTo("pending");
    int id = account.getInt("id");

    JsonObject started = admin.post("/api/admin/claude-accounts/" + id + "/auth", "{}");
    Map<String, String> query = query(started.getString("authorizeUrl"));
    assertThat(query)
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("response_type", "code");
    assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
    assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(20);
    oauth.expectChallenge(query.get("code_challenge"));

    assertInvalid(
        admin.send(
            "POST",
            "/api/admin/claude-accounts/" + id + "/auth",
            "{\"code\":\"" + MockOAuthServer.GOOD_CODE + "#forged-state\"}"),
        "code");
    JsonObject signedIn =
        admin.post(
            "/api/admin/claude-accounts/" + id + "/auth",
            "{\"code\":\"" + MockOAuthServer.GOOD_CODE + "#" + query.get("state") + "\"}");
    assertThat(signedIn.getString("status")).isEqualTo("active");
    assertThat(signedIn.getString("credential")).contains("...").doesNotContain("mock-access");
    JsonNode exchange =
        oauth.requests().stream()
            .filter(r -> r.path("grant_type").asText().equals("authorization_code"))
            .reduce((earlier, later) -> later)
            .orElseThrow();
    assertThat(MockOAuthServer.challenge(exchange.path("code_verifier").asText()))
        .isEqualTo(query.get("code_challenge"));

    String firstRefresh = account(id).getString("lastRefreshAt");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(oauth.requests())
                  .anyMatch(r -> r.path("grant_type").asText().equals("refresh_token"));
              assertThat(account(id).getString("lastRefreshAt")).isNotEqualTo(firstRefresh);
              assertThat(account(id).getString("status")).isEqualTo("active");
            });
  }

  @Test
  void aRefreshThatFailsMarksTheAccountExpiredWithTheReason() {
    MockOAuthServer oauth = RelayTestEnvironment.oauth();
    JsonObject account = admin.post("/api/admin/claude-accounts", "{\"name\":\"subscription-2\"}");
    int id = account.getInt("id");
    Map<String, String> query =
        query(
            admin.post("/api/admin/claude-accounts/" + id + "/auth", "").getString("authorizeUrl"));
    oauth.expectChallenge(query.get("code_challenge"));
    admin.post(
        "/api/admin/claude-accounts/" + id + "/auth",
        "{\"code\":\"" + MockOAuthServer.GOOD_CODE + "#" + query.get("state") + "\"}");
    // Every refresh token the mock issued so far is revoked: the account's next refresh fails.
    oauth.revokeIssued();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonObject current = account(id);
              assertThat(current.getString("status")).isEqualTo("expired");
              assertThat(current.getString("statusReason")).contains("invalid_grant");
            });
  }

  @Test
  void apiKeyAccountsAreUsableAtOnceAndShownMasked() {
    JsonObject account =
        admin.post(
            "/api/admin/claude-accounts",
            "{\"name\":\"api-key-account\",\"authType\":\"api_key\",\"apiKey\":\""
                + SECRET_KEY
                + "\"}");

    assertThat(account.getString("status")).isEqualTo("active");
    assertThat(account.getString("credential")).endsWith("0001").doesNotContain("abcdefghijklmnop");
    assertInvalid(
        admin.send(
            "POST", "/api/admin/claude-accounts", "{\"name\":\"x\",\"authType\":\"api_key\"}"),
        "apiKey");
    assertInvalid(
        admin.send(
            "POST", "/api/admin/claude-accounts", "{\"name\":\"y\",\"authType\":\"password\"}"),
        "authType");
  }

  @Test
  void noAnswerOrAuditEntryCarriesAFullSecret() {
    JsonObject provider =
        admin.post(
            "/api/admin/providers",
            "{\"name\":\"secret-holder\",\"kind\":\"anthropic\",\"baseUrl\":\"http://127.0.0.1:9\"}");
    admin.post(
        "/api/admin/providers/" + provider.getInt("id") + "/keys",
        "{\"key\":\"" + SECRET_KEY + "\"}");
    JsonObject clientKey = admin.post("/api/admin/client-keys", "{\"name\":\"shown-once\"}");
    String issued = clientKey.getString("key");

    for (String path :
        List.of(
            "/api/admin/providers",
            "/api/admin/providers/" + provider.getInt("id") + "/keys",
            "/api/admin/client-keys",
            "/api/admin/config/export",
            "/api/admin/dashboard",
            "/api/admin/audit?limit=500",
            "/api/admin/claude-accounts")) {
      String body = admin.send("GET", path, null).body();
      assertThat(body).as(path).doesNotContain(SECRET_KEY).doesNotContain(issued);
    }
  }

  @Test
  void noSecretReachesTheServerLog() {
    String providerSecret = "sk-log-provider-key-abcdefghijklmnop-0002";
    String accountSecret = "sk-ant-api03-log-account-abcdefghijklmnop-0003";
    int logged = ServerLog.text().length();
    JsonObject provider =
        admin.post(
            "/api/admin/providers",
            "{\"name\":\"log-watch\",\"kind\":\"anthropic\",\"baseUrl\":\"http://127.0.0.1:9\","
                + "\"connectTimeoutMs\":1000}");
    admin.post(
        "/api/admin/providers/" + provider.getInt("id") + "/keys",
        "{\"key\":\"" + providerSecret + "\"}");
    admin.post("/api/admin/routes", "{\"match\":\"log-watch-model\",\"provider\":\"log-watch\"}");
    admin.post(
        "/api/admin/claude-accounts",
        "{\"name\":\"log-watch-account\",\"authType\":\"api_key\",\"apiKey\":\""
            + accountSecret
            + "\"}");
    String clientKey =
        admin.post("/api/admin/client-keys", "{\"name\":\"log-watch\"}").getString("key");
    // Each secret at work too: a request whose upstream cannot be reached is the likeliest to log.
    HttpResponse<String> failed =
        http.send(
            http.request("/v1/messages")
                .header("content-type", "application/json")
                .header("x-api-key", clientKey)
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"log-watch-model\",\"max_tokens\":8,"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));
    assertThat(failed.statusCode()).isGreaterThanOrEqualTo(500);

    // The log of these steps reached this JVM: the configuration reloads they caused.
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> ServerLog.text().substring(logged).contains("Relay configuration loaded"));
    String log = ServerLog.text();
    assertThat(log)
        .doesNotContain(providerSecret)
        .doesNotContain(accountSecret)
        .doesNotContain(clientKey)
        .doesNotContain(SECRET_KEY);
  }

  @Test
  void aClientCannotWriteToTheServerLogThroughTracingHeaders() {
    int logged = ServerLog.text().length();
    String validId = "123e4567-e89b-12d3-a456-426614174000";
    List<Map<String, String>> headerSets =
        List.of(
            Map.of("Payara-Tracing-TraceId", "written-by-a-client-trace"),
            Map.of(
                "Payara-Tracing-TraceId",
                validId,
                "Payara-Tracing-ParentId",
                "written-by-a-client-parent"));
    for (String path : List.of("/v1/messages", "/api/admin/providers", "/health")) {
      for (Map<String, String> headers : headerSets) {
        java.net.http.HttpRequest.Builder request = http.request(path);
        headers.forEach(request::header);
        HttpResponse<String> answer =
            http.send(request.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(answer.statusCode()).as(path).isBetween(400, 499);
      }
    }
    // A line logged after those requests reached this JVM, so theirs would have too.
    admin.post("/api/admin/client-keys", "{\"name\":\"trace-header-watch\"}");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> ServerLog.text().substring(logged).contains("Relay configuration loaded"));
    assertThat(ServerLog.text().substring(logged))
        .doesNotContain("written-by-a-client")
        .doesNotContain("NCLS-CORE-00099")
        .doesNotContain("NCLS-CORE-00100");
  }

  @Test
  void dashboardAuditAndOpenApiDescribeTheRelay() {
    JsonObject dashboard = admin.get("/api/admin/dashboard");
    assertThat(dashboard.getJsonObject("health").getString("status")).isIn("ok", "degraded");
    assertThat(dashboard.getJsonObject("last24h").containsKey("requests")).isTrue();
    assertThat(dashboard.getJsonObject("claudeAccounts").containsKey("byState")).isTrue();

    JsonObject usage = admin.get("/api/admin/usage?hours=3");
    assertThat(usage.getJsonArray("series")).hasSize(3);
    assertThat(usage.getJsonArray("series").getJsonObject(2).containsKey("requests")).isTrue();
    assertThat(usage.getJsonArray("series").getJsonObject(2).getString("start"))
        .endsWith(":00:00Z");
    assertInvalid(admin.send("GET", "/api/admin/usage?hours=0", null), "hours");
    assertInvalid(admin.send("GET", "/api/admin/usage?keyId=1", null), "keyId");

    JsonObject audit = admin.get("/api/admin/audit?limit=5");
    assertThat(audit.getJsonArray("entries")).isNotEmpty();
    assertThat(audit.getJsonArray("entries").getJsonObject(0).getString("actor")).isNotBlank();
    assertInvalid(admin.send("GET", "/api/admin/audit?limit=0", null), "limit");

    HttpResponse<String> openapi =
        http.send(http.request("/openapi").header("Accept", "application/json").GET());
    assertThat(openapi.statusCode()).isEqualTo(200);
    assertThat(openapi.body()).contains("/api/admin/providers").contains("/v1/messages");
  }

  private JsonObject account(int id) {
    return admin
        .get("/api/admin/claude-accounts")
        .getJsonArray("accounts")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(a -> a.getInt("id") == id)
        .findFirst()
        .orElseThrow();
  }

  private static void assertInvalid(HttpResponse<String> response, String field) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonObject error = GatewayIT.json(response).getJsonObject("error");
    assertThat(error.getString("type")).isEqualTo("invalid_request_error");
    assertThat(error.getString("message")).as(response.body()).startsWith(field);
  }

  private static Map<String, String> query(String url) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      query.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }
}
