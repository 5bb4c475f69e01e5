package dev.clauderelay.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway WAR as built, on Payara Micro, against the embedded MariaDB: health, admin sign-in
 * and its throttle, the admin guard, plugins, error shapes. One class, one Payara boot.
 */
@ExtendWith({RelayTestEnvironment.class, ArquillianExtension.class})
class GatewayIT {

  @Deployment(testable = false)
  static WebArchive gateway() {
    return RelayWar.asBuilt();
  }

  @ArquillianResource private URL deployment;
  private Http http;

  @BeforeEach
  void connect() {
    http = new Http(deployment);
  }

  @Test
  void healthReportsOkWithDatabaseAndPlugins() {
    HttpResponse<String> response = http.get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject health = json(response);
    assertThat(health.getString("status")).isEqualTo("ok");
    assertThat(health.getString("version")).isNotBlank().isNotEqualTo("development");
    assertThat(health.getJsonObject("database").getString("status")).isEqualTo("up");
    assertThat(
            health
                .getJsonObject("plugins")
                .getJsonArray("ids")
                .getValuesAs(jakarta.json.JsonString.class)
                .stream()
                .map(jakarta.json.JsonString::getString))
        .contains("strategies", "openai", "gemini");
    assertThat(http.get("/v1/health").statusCode()).isEqualTo(200);
  }

  @Test
  void adminEndpointsAnswer401InAnthropicShapeWithoutAToken() {
    HttpResponse<String> response = http.get("/api/admin/plugins");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    JsonObject error = json(response);
    assertThat(error.getString("type")).isEqualTo("error");
    assertThat(error.getJsonObject("error").getString("type")).isEqualTo("authentication_error");
    assertThat(http.get("/api/admin/plugins", "rla_not-a-real-token").statusCode()).isEqualTo(401);
  }

  @Test
  void aPathNoResourceAnswersIsA404InAnthropicShapeWithOrWithoutAToken() {
    // Access is decided on the resource a request is dispatched to; where there is none, there
    // is nothing to protect, and the answer is the same for everyone.
    for (String token : new String[] {null, signIn()}) {
      HttpResponse<String> response = http.get("/api/admin/no-such-thing", token);

      assertThat(response.statusCode()).isEqualTo(404);
      JsonObject error = json(response);
      assertThat(error.getString("type")).isEqualTo("error");
      assertThat(error.getJsonObject("error").getString("type")).isEqualTo("not_found_error");
    }
  }

  @Test
  void signedInAdminSeesTheStrategiesPluginAndItsThreeExtensions() {
    String token = signIn();

    HttpResponse<String> response = http.get("/api/admin/plugins", token);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject plugin =
        json(response).getJsonArray("plugins").getValuesAs(JsonObject.class).stream()
            .filter(p -> p.getString("id").equals("strategies"))
            .findFirst()
            .orElseThrow();
    assertThat(plugin.getString("id")).isEqualTo("strategies");
    assertThat(plugin.getString("state")).isEqualTo("STARTED");
    assertThat(
            plugin.getJsonArray("extensions").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("point") + "/" + e.getString("id")))
        .containsExactlyInAnyOrder(
            "KeySelectionStrategy/round-robin",
            "KeySelectionStrategy/random",
            "KeySelectionStrategy/least-used");
  }

  @Test
  void signInAnswersATokenWithExpiryAndSignOutEndsIt() {
    HttpResponse<String> response =
        http.postJson(
            "/api/admin/auth",
            "{\"username\":\"admin\",\"password\":\""
                + RelayTestEnvironment.ADMIN_PASSWORD
                + "\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonObject session = json(response);
    String token = session.getString("token");
    assertThat(token).startsWith("rla_").hasSizeGreaterThan(40);
    assertThat(session.getString("expiresAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(http.get("/api/admin/auth", token).statusCode()).isEqualTo(200);

    HttpResponse<String> signOut =
        http.send(
            http.request("/api/admin/auth").header("Authorization", "Bearer " + token).DELETE());

    assertThat(signOut.statusCode()).isEqualTo(204);
    assertThat(http.get("/api/admin/plugins", token).statusCode()).isEqualTo(401);
  }

  /** The ITs' server lists loopback in RELAY_TRUSTED_PROXIES: this test is that proxy. */
  @Test
  void wrongCredentialsAre401AndRepeatedFailuresFromOneAddressAreThrottled() {
    String attacker = "203.0.113.77";
    for (int attempt = 1; attempt <= 4; attempt++) {
      HttpResponse<String> response = signInFrom(attacker, "admin", "guess-" + attempt);
      assertThat(response.statusCode()).as("attempt %d", attempt).isEqualTo(401);
      assertThat(json(response).getJsonObject("error").getString("message"))
          .isEqualTo("Wrong username or password.");
    }
    signInFrom(attacker, "admin", "guess-5");

    HttpResponse<String> throttled =
        signInFrom(attacker, "admin", RelayTestEnvironment.ADMIN_PASSWORD);

    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    assertThat(json(throttled).getJsonObject("error").getString("type"))
        .isEqualTo("rate_limit_error");
    // Another address is not affected.
    assertThat(
            signInFrom("198.51.100.9", "admin", RelayTestEnvironment.ADMIN_PASSWORD).statusCode())
        .isEqualTo(200);
  }

  @Test
  void malformedOrIncompleteSignInBodiesGetA400NamingTheProblem() {
    assertThat(errorMessage(http.postJson("/api/admin/auth", "{not json")))
        .contains("not valid JSON");
    assertThat(errorMessage(http.postJson("/api/admin/auth", "[]"))).contains("JSON object");
    assertThat(errorMessage(http.postJson("/api/admin/auth", "{\"username\":\"admin\"}")))
        .contains("'password'");
    assertThat(http.postJson("/api/admin/auth", "").statusCode()).isEqualTo(400);
  }

  @Test
  void unknownPathsAndMethodsGetJsonErrorsWithoutStackTraces() {
    HttpResponse<String> notFound = http.get("/nothing/here");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(json(notFound).getJsonObject("error").getString("type"))
        .isEqualTo("not_found_error");

    HttpResponse<String> wrongMethod =
        http.send(http.request("/health").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.body()).doesNotContain("Exception").doesNotContain("at dev.");
  }

  @Test
  void migrationsOwnTheSchemaAndStateLandsInTheDatabase() throws Exception {
    signIn();

    try (Connection db = RelayTestEnvironment.openDatabase();
        Statement sql = db.createStatement()) {
      assertThat(single(sql, "SELECT MAX(version) FROM flyway_schema_history WHERE success = 1"))
          .isEqualTo("6");
      assertThat(
              single(
                  sql,
                  "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                      + " AND table_name IN ('provider', 'provider_key', 'claude_account',"
                      + " 'client_key', 'route', 'relay_setting', 'usage_hourly', 'request_log',"
                      + " 'audit_log', 'provider_key_model_state')"))
          .isEqualTo("10");
      // The configured admin password is checked against its hash in memory; only the master
      // key check is stored, and it is ciphertext.
      assertThat(
              single(sql, "SELECT value FROM relay_setting WHERE name = 'crypto.master-key-check'"))
          .startsWith("v1:")
          .doesNotContain("master key check");
      assertThat(
              single(
                  sql,
                  "SELECT COUNT(*) FROM audit_log WHERE action = 'admin.login' AND actor = 'admin'"))
          .isNotEqualTo("0");
    }
  }

  private static String single(Statement sql, String query) throws Exception {
    try (ResultSet rows = sql.executeQuery(query)) {
      assertThat(rows.next()).as(query).isTrue();
      return rows.getString(1);
    }
  }

  private String signIn() {
    HttpResponse<String> response =
        http.postJson(
            "/api/admin/auth",
            "{\"username\":\"admin\",\"password\":\""
                + RelayTestEnvironment.ADMIN_PASSWORD
                + "\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response).getString("token");
  }

  private HttpResponse<String> signInFrom(String address, String username, String password) {
    return http.send(
        http.request("/api/admin/auth")
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", address)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")));
  }

  private static String errorMessage(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject error = json(response).getJsonObject("error");
    assertThat(error.getString("type")).isEqualTo("invalid_request_error");
    return error.getString("message");
  }

  static JsonObject json(HttpResponse<String> response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }
}
