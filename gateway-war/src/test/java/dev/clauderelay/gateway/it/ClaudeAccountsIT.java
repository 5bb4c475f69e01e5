package dev.clauderelay.gateway.it;

import static dev.clauderelay.gateway.it.ScriptedUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official Claude provider sending with the relay's Claude accounts, through HTTP against a
 * scripted Anthropic upstream and the mock OAuth server: the bearer token and the OAuth beta go
 * upstream, a 429 rests the account until the reset while traffic moves on, a refused token is
 * refreshed and the request retried with the new one, and a refresh that fails takes the account
 * out of use while the request is served by the other account.
 *
 * <p>The container refreshes every account every few seconds (the timer test of {@link
 * AdminApiIT}), so these tests identify accounts by what the relay recorded (the request log's
 * account, the audit log), never by a token read beforehand.
 */
@ExtendWith({RelayTestEnvironment.class, ArquillianExtension.class})
class ClaudeAccountsIT {

  private static final String MODEL = "acct-claude-model";
  private static final String API_KEY_ACCOUNT = "sk-ant-api03-account-key-abcdefghijklmnop-0042";

  private static ScriptedUpstream upstream;
  private static String clientKey;
  private static int providerId;

  @Deployment(testable = false)
  static WebArchive gateway() {
    return RelayWar.asBuilt();
  }

  @ArquillianResource private URL deployment;
  private Http http;
  private AdminClient admin;

  @BeforeEach
  void freshAccounts() throws Exception {
    http = new Http(deployment);
    admin = new AdminClient(http);
    if (upstream == null) {
      upstream = new ScriptedUpstream();
      providerId =
          admin
              .post(
                  "/api/admin/providers",
                  "{\"name\":\"acct-claude\",\"kind\":\"anthropic\",\"baseUrl\":\""
                      + upstream.baseUrl()
                      + "\",\"claudeAccounts\":true}")
              .getInt("id");
      admin.post("/api/admin/routes", "{\"match\":\"" + MODEL + "\",\"provider\":\"acct-claude\"}");
      clientKey =
          admin
              .post("/api/admin/client-keys", "{\"name\":\"acct-client\",\"models\":[\"*\"]}")
              .getString("key");
    }
    // Accounts are the relay's, not a provider's: each test starts with only its own.
    for (JsonObject account :
        admin
            .get("/api/admin/claude-accounts")
            .getJsonArray("accounts")
            .getValuesAs(JsonObject.class)) {
      HttpResponse<String> deleted =
          admin.send("DELETE", "/api/admin/claude-accounts/" + account.getInt("id"), null);
      // The container refreshes every account every few seconds: a delete must not lose to it.
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    }
    upstream.script(r -> json(200, MESSAGE_JSON));
  }

  @AfterAll
  static void stopUpstream() throws Exception {
    if (upstream != null) {
      upstream.close();
    }
  }

  @Test
  void requestsCarryTheAccountsBearerTokenWithTheOAuthBetaAndNeverTheClientsKey() throws Exception {
    HttpResponse<String> none = messages("no-accounts-yet", Map.of());
    assertThat(none.statusCode()).as(none.body()).isEqualTo(529);
    assertThat(GatewayIT.json(none).getJsonObject("error").getString("message"))
        .contains("no Claude accounts");
    HttpResponse<String> misplaced =
        admin.send(
            "POST",
            "/api/admin/providers",
            "{\"name\":\"acct-openai\",\"kind\":\"openai\",\"baseUrl\":\"http://127.0.0.1:9/v1\","
                + "\"claudeAccounts\":true}");
    assertThat(misplaced.statusCode()).isEqualTo(400);
    assertThat(misplaced.body()).contains("claudeAccounts");

    int id = signedInAccount("acct-headers");
    int before = upstream.received().size();
    HttpResponse<String> response =
        messages("s-headers", Map.of("anthropic-beta", "prompt-caching-2024-07-31"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    ScriptedUpstream.Received sent = upstream.received().get(before);
    assertThat(sent.header("authorization")).startsWith("Bearer sk-ant-oat01-mock-access-");
    assertThat(sent.header("x-api-key")).isNull();
    assertThat(sent.header("anthropic-beta"))
        .contains("prompt-caching-2024-07-31")
        .contains("oauth-2025-04-20");
    assertThat(sent.headers().values()).noneMatch(v -> v.contains(clientKey));
    assertThat(logged(response)).containsEntry("account_id", (long) id).containsEntry("key_id", 0L);
    JsonObject account = account(id);
    assertThat(account.getJsonObject("sinceStart").getInt("successes")).isEqualTo(1);
  }

  @Test
  void aRateLimitedAccountRestsUntilTheResetWhileTrafficMovesToTheOther() throws Exception {
    int first = signedInAccount("acct-limit-1");
    int second = signedInAccount("acct-limit-2");
    Set<String> limitedOnce = ConcurrentHashMap.newKeySet();
    upstream.script(
        r ->
            r.bodyText().contains("s-limit") && limitedOnce.add("s-limit")
                ? json(
                    429,
                    Map.of("retry-after", "3"),
                    "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
                        + "\"message\":\"Number of request tokens has exceeded your limit\"}}")
                : json(200, MESSAGE_JSON));

    HttpResponse<String> response = messages("s-limit", Map.of());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, Long> row = logged(response);
    assertThat(row).containsEntry("attempts", 2L);
    long served = row.get("account_id");
    long limited = served == first ? second : first;
    JsonObject resting = account((int) limited);
    assertThat(resting.getString("status")).isEqualTo("rate_limited");
    assertThat(Instant.parse(resting.getString("rateLimitedUntil")))
        .isBefore(Instant.now().plusSeconds(4))
        .isAfter(Instant.now());
    assertThat(resting.getString("statusReason")).contains("rate limited (HTTP 429)");
    assertThat(
            admin
                .get("/api/admin/dashboard")
                .getJsonObject("claudeAccounts")
                .getJsonObject("byState")
                .getInt("rate_limited"))
        .isEqualTo(1);
    // While it rests, every request goes to the other account.
    for (int i = 0; i < 3; i++) {
      assertThat(logged(messages("s-other-" + i, Map.of()))).containsEntry("account_id", served);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        // Stored for the next start; the status itself may be back to ACTIVE already, when a slow
        // machine took longer than the 3 s rest to get here and a refresh ran meanwhile.
        .untilAsserted(() -> assertThat(databaseColumn(limited, "last_limited_at")).isNotNull());
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> assertThat(account((int) limited).getString("status")).isEqualTo("active"));
  }

  @Test
  void aRefusedTokenIsRefreshedAndTheRequestRetriedWithTheNewToken() throws Exception {
    int logged = ServerLog.text().length();
    signedInAccount("acct-refresh-1");
    signedInAccount("acct-refresh-2");
    // The timer refreshes every account every 4 s here; an account it is refreshing is not leased,
    // so a round that starts between the refusal and the retry sends the retry to the other
    // account.
    // Right after a round there are nearly 4 s without one.
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              String since = ServerLog.text().substring(logged);
              return since.contains("Claude account acct-refresh-1 refreshed")
                  && since.contains("Claude account acct-refresh-2 refreshed");
            });
    Set<String> refusedOnce = ConcurrentHashMap.newKeySet();
    upstream.script(
        r ->
            r.bodyText().contains("s-refresh") && refusedOnce.add("s-refresh")
                ? json(
                    401,
                    "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                        + "\"message\":\"OAuth token has expired.\"}}")
                : json(200, MESSAGE_JSON));
    int before = upstream.received().size();

    HttpResponse<String> response = messages("s-refresh", Map.of());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, Long> row = logged(response);
    assertThat(row).containsEntry("attempts", 2L);
    List<ScriptedUpstream.Received> sent = upstream.received().subList(before, before + 2);
    assertThat(sent.get(1).header("authorization"))
        .startsWith("Bearer sk-ant-oat01-mock-access-")
        .isNotEqualTo(sent.get(0).header("authorization"));
    // The same account served the retry: it was refreshed, not replaced.
    JsonObject account = account(row.get("account_id").intValue());
    assertThat(account.getString("status")).isEqualTo("active");
    JsonObject counters = account.getJsonObject("sinceStart");
    assertThat(counters.getInt("requests")).isEqualTo(2);
    assertThat(counters.getInt("failures")).isEqualTo(1);
    assertThat(counters.getInt("successes")).isEqualTo(1);
    assertThat(counters.getString("lastError")).contains("token refused");
  }

  @Test
  void aRefreshThatFailsTakesTheAccountOutAndTheRequestIsServedByTheOtherAccount()
      throws Exception {
    int oauth = signedInAccount("acct-failing");
    // The session is bound to the OAuth account before the API key account exists.
    assertThat(logged(messages("s-failing", Map.of()))).containsEntry("account_id", (long) oauth);
    int apiKey =
        admin
            .post(
                "/api/admin/claude-accounts",
                "{\"name\":\"acct-api-key\",\"authType\":\"api_key\",\"apiKey\":\""
                    + API_KEY_ACCOUNT
                    + "\"}")
            .getInt("id");
    upstream.script(
        r ->
            r.header("authorization") != null
                ? json(
                    401,
                    "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                        + "\"message\":\"OAuth token has been revoked.\"}}")
                : json(200, MESSAGE_JSON));
    RelayTestEnvironment.oauth().revokeIssued();
    int before = upstream.received().size();

    HttpResponse<String> response = messages("s-failing", Map.of());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(logged(response)).containsEntry("account_id", (long) apiKey);
    List<ScriptedUpstream.Received> sent = upstream.received().subList(before, before + 2);
    assertThat(sent.get(0).header("authorization")).startsWith("Bearer ");
    assertThat(sent.get(1).header("x-api-key")).isEqualTo(API_KEY_ACCOUNT);
    assertThat(account(oauth).getString("status")).isIn("expired", "error");
    assertThat(
            admin
                .get("/api/admin/audit?limit=50")
                .getJsonArray("entries")
                .getValuesAs(JsonObject.class))
        .anyMatch(
            e ->
                e.getString("action").equals("claude-account.refresh-failed")
                    && e.getString("detail", "").contains("refused the access token"));
    // Traffic stays on the usable account.
    assertThat(logged(messages("s-after", Map.of()))).containsEntry("account_id", (long) apiKey);
  }

  @Test
  void withNoUsableAccountTheProviderSendsWithItsOwnKeys() throws Exception {
    String providerKey = "sk-acct-own-key-abcdefghijklmnop-0077";
    JsonObject withKeys =
        admin.post(
            "/api/admin/providers",
            "{\"name\":\"acct-with-keys\",\"kind\":\"anthropic\",\"baseUrl\":\""
                + upstream.baseUrl()
                + "\",\"claudeAccounts\":true}");
    admin.post(
        "/api/admin/providers/" + withKeys.getInt("id") + "/keys",
        "{\"key\":\"" + providerKey + "\"}");
    admin.post(
        "/api/admin/routes", "{\"match\":\"acct-keys-model\",\"provider\":\"acct-with-keys\"}");

    // No account at all: the key serves.
    HttpResponse<String> noAccount = messages("acct-keys-model", "s-own-keys", Map.of());

    assertThat(noAccount.statusCode()).as(noAccount.body()).isEqualTo(200);
    assertThat(upstream.received().get(upstream.received().size() - 1).header("x-api-key"))
        .isEqualTo(providerKey);
    assertThat(logged(noAccount)).containsEntry("account_id", 0L).containsEntry("attempts", 1L);

    // The only account is rate limited: it is tried first, then the key serves.
    int account =
        admin
            .post(
                "/api/admin/claude-accounts",
                "{\"name\":\"acct-limited\",\"authType\":\"api_key\",\"apiKey\":\""
                    + API_KEY_ACCOUNT
                    + "\"}")
            .getInt("id");
    upstream.script(
        r ->
            API_KEY_ACCOUNT.equals(r.header("x-api-key"))
                ? json(
                    429,
                    Map.of("retry-after", "60"),
                    "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}")
                : json(200, MESSAGE_JSON));

    HttpResponse<String> limited = messages("acct-keys-model", "s-own-keys-2", Map.of());

    assertThat(limited.statusCode()).as(limited.body()).isEqualTo(200);
    assertThat(limited.body()).isEqualTo(MESSAGE_JSON);
    assertThat(upstream.received().stream().map(r -> r.header("x-api-key")))
        .containsExactly(API_KEY_ACCOUNT, providerKey);
    Map<String, Long> row = logged(limited);
    assertThat(row).containsEntry("account_id", 0L).containsEntry("attempts", 2L);
    assertThat(row.get("key_id")).isNotZero();
    // The resting account is not asked again while it rests.
    HttpResponse<String> again = messages("acct-keys-model", "s-own-keys-3", Map.of());
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(upstream.received().stream().map(r -> r.header("x-api-key")))
        .containsExactly(API_KEY_ACCOUNT, providerKey, providerKey);
    assertThat(account(account).getString("status")).isEqualTo("rate_limited");
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** Creates an OAuth account and signs it in through the mock OAuth server. */
  private int signedInAccount(String name) {
    int id =
        admin
            .post(
                "/api/admin/claude-accounts", "{\"name\":\"" + name + "\",\"authType\":\"oauth\"}")
            .getInt("id");
    Map<String, String> query =
        query(
            admin.post("/api/admin/claude-accounts/" + id + "/auth", "").getString("authorizeUrl"));
    RelayTestEnvironment.oauth().expectChallenge(query.get("code_challenge"));
    JsonObject signedIn =
        admin.post(
            "/api/admin/claude-accounts/" + id + "/auth",
            "{\"code\":\"" + MockOAuthServer.GOOD_CODE + "#" + query.get("state") + "\"}");
    assertThat(signedIn.getString("status")).isEqualTo("active");
    return id;
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

  private HttpResponse<String> messages(String session, Map<String, String> headers) {
    return messages(MODEL, session, headers);
  }

  private HttpResponse<String> messages(String model, String session, Map<String, String> headers) {
    String body =
        "{\"model\":\""
            + model
            + "\",\"max_tokens\":16,\"metadata\":{\"user_id\":\""
            + session
            + "\"},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    HttpRequest.Builder request =
        http.request("/v1/messages")
            .header("content-type", "application/json")
            .header("x-api-key", clientKey);
    headers.forEach(request::header);
    return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The request log's row for a response (written asynchronously, so awaited). */
  private static Map<String, Long> logged(HttpResponse<String> response) {
    String requestId = response.headers().firstValue("request-id").orElseThrow();
    Map<String, Long> row = new HashMap<>();
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              try (Connection db = RelayTestEnvironment.openDatabase();
                  PreparedStatement select =
                      db.prepareStatement(
                          "SELECT COALESCE(key_id, 0), COALESCE(account_id, 0), attempts, status"
                              + " FROM request_log WHERE request_id = ?")) {
                select.setString(1, requestId);
                try (ResultSet result = select.executeQuery()) {
                  assertThat(result.next()).as("request %s logged", requestId).isTrue();
                  row.put("key_id", result.getLong(1));
                  row.put("account_id", result.getLong(2));
                  row.put("attempts", result.getLong(3));
                  row.put("status", result.getLong(4));
                }
              }
            });
    return row;
  }

  private static String databaseColumn(long accountId, String column) throws Exception {
    try (Connection db = RelayTestEnvironment.openDatabase();
        PreparedStatement select =
            db.prepareStatement("SELECT " + column + " FROM claude_account WHERE id = ?")) {
      select.setLong(1, accountId);
      try (ResultSet result = select.executeQuery()) {
        assertThat(result.next()).isTrue();
        return result.getString(1);
      }
    }
  }

  private static Map<String, String> query(String url) {
    Map<String, String> query = new HashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      query.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  private static final String MESSAGE_JSON =
      "{\"id\":\"msg_acct\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"pong\"}],\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}";
}
