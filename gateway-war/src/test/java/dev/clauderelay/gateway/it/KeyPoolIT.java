package dev.clauderelay.gateway.it;

import static dev.clauderelay.gateway.it.ScriptedUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Key pools through HTTP on the real WAR: traffic leaves a rate-limited key, a refused key and a
 * key out of one Gemini model's daily quota and comes back when due (or when a probe passes), the
 * stats and the database say so, and the admin API manages 10,000 keys in seconds.
 */
@ExtendWith({RelayTestEnvironment.class, ArquillianExtension.class})
class KeyPoolIT {

  private static final String KEY_A = "sk-kp-anth-key-a-0001";
  private static final String KEY_B = "sk-kp-anth-key-b-0002";
  private static final String KEY_C = "sk-kp-auth-key-c-0003";
  private static final String KEY_D = "sk-kp-auth-key-d-0004";
  private static final String GEM_1 = "AIza-kp-gemini-key-0001";
  private static final String GEM_2 = "AIza-kp-gemini-key-0002";

  private static ScriptedUpstream upstream;
  private static String clientKey;
  private static final Map<String, Integer> PROVIDERS = new ConcurrentHashMap<>();
  private static final Map<String, Integer> KEY_IDS = new ConcurrentHashMap<>();

  /** Whether the upstream refuses key C (traffic and probes alike). */
  private static final AtomicBoolean C_REFUSED = new AtomicBoolean(true);

  @Deployment(testable = false)
  static WebArchive gateway() {
    return RelayWar.asBuilt();
  }

  @ArquillianResource private URL deployment;
  private Http http;
  private AdminClient admin;

  @BeforeEach
  void configureOnce() throws Exception {
    http = new Http(deployment);
    admin = new AdminClient(http);
    if (upstream != null) {
      return;
    }
    upstream = new ScriptedUpstream();
    String base = upstream.baseUrl();
    provider("kp-limits", "anthropic", base, "round-robin", List.of(KEY_A, KEY_B));
    admin.send(
        "PUT", "/api/admin/providers/" + PROVIDERS.get("kp-limits"), "{\"sessionAffinity\":true}");
    provider("kp-auth", "anthropic", base, "round-robin", List.of(KEY_C, KEY_D));
    provider("kp-gem", "gemini", base + "/v1beta", "gemini-quota", List.of(GEM_1, GEM_2));
    provider("kp-bulk", "openai", base + "/v1", "least-used", List.of());
    route("kp-limits-model", "kp-limits");
    route("kp-auth-model", "kp-auth");
    // Own client model names: the routes persist in the shared test database, and RelayIT routes
    // gemini-* to its own provider.
    route("kp-gemini-2.5-pro", "kp-gem", "gemini-2.5-pro");
    route("kp-gemini-2.5-flash", "kp-gem", "gemini-2.5-flash");
    clientKey =
        admin
            .post("/api/admin/client-keys", "{\"name\":\"kp-client\",\"models\":[\"*\"]}")
            .getString("key");
  }

  @AfterAll
  static void stopUpstream() throws Exception {
    if (upstream != null) {
      upstream.close();
    }
  }

  // ---- traffic and recovery ---------------------------------------------------------------

  @Test
  void aRateLimitedKeyRestsWhileTrafficMovesToTheOtherAndReturnsWhenDue() {
    upstream.script(
        r ->
            KEY_A.equals(r.header("x-api-key"))
                ? json(
                    429,
                    Map.of("retry-after", "2"),
                    "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow\"}}")
                : json(200, MESSAGE_JSON));

    for (int i = 0; i < 6; i++) {
      assertThat(messages("kp-limits-model").statusCode()).isEqualTo(200);
    }
    assertThat(keysUsed("x-api-key")).containsOnlyOnce(KEY_A);
    JsonObject a = key("kp-limits", KEY_A);
    assertThat(a.getString("status")).isEqualTo("cooling_down");
    assertThat(Instant.parse(a.getString("statusUntil"))).isBefore(Instant.now().plusSeconds(3));

    upstream.script(r -> json(200, MESSAGE_JSON));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              for (int i = 0; i < 4; i++) {
                assertThat(messages("kp-limits-model").statusCode()).isEqualTo(200);
              }
              assertThat(keysUsed("x-api-key")).contains(KEY_A);
            });
    assertThat(key("kp-limits", KEY_A).getString("status")).isEqualTo("active");

    JsonObject stats = admin.get(pool("kp-limits") + "/stats?keyId=" + KEY_IDS.get(KEY_A));
    JsonObject keyStats = stats.getJsonObject("keys").getJsonArray("items").getJsonObject(0);
    assertThat(keyStats.getJsonObject("failuresByClass").getInt("rate_limited")).isEqualTo(1);
    assertThat(keyStats.getInt("rateLimited")).isEqualTo(1);
    assertThat(keyStats.getInt("successes")).isGreaterThanOrEqualTo(1);
    assertThat(keyStats.getString("lastError")).contains("429");
    assertThat(stats.getJsonArray("series")).hasSize(24);
    assertThat(stats.getJsonObject("totals").getInt("rateLimited")).isEqualTo(1);
  }

  @Test
  void aRefusedKeyGetsNoTrafficItsTestSaysWhyAndAPassingProbeBringsItBack() {
    upstream.script(
        r -> {
          boolean refused = KEY_C.equals(r.header("x-api-key")) && C_REFUSED.get();
          if (refused) {
            return json(
                401,
                "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key "
                    + KEY_C
                    + "\"}}");
          }
          return r.method().equals("GET")
              ? json(200, "{\"data\":[{\"id\":\"claude-x\"}],\"has_more\":true}")
              : json(200, MESSAGE_JSON);
        });

    for (int i = 0; i < 6; i++) {
      assertThat(messages("kp-auth-model").statusCode()).isEqualTo(200);
    }
    assertThat(keysUsed("x-api-key").stream().filter(KEY_C::equals).count()).isLessThanOrEqualTo(1);
    assertThat(key("kp-auth", KEY_C).getString("status")).isEqualTo("invalid");

    HttpResponse<String> test =
        admin.send("POST", pool("kp-auth") + "/keys/" + KEY_IDS.get(KEY_C) + "/test", null);
    assertThat(test.statusCode()).isEqualTo(200);
    assertThat(test.body()).doesNotContain(KEY_C);
    JsonObject answer = GatewayIT.json(test).getJsonObject("upstream");
    assertThat(answer.getInt("status")).isEqualTo(401);
    assertThat(answer.getString("errorClass")).isEqualTo("key_invalid");
    assertThat(answer.getString("message")).contains("invalid x-api-key", "...0003");
    ScriptedUpstream.Received probe = upstream.received().get(upstream.received().size() - 1);
    assertThat(probe.method()).isEqualTo("GET");
    assertThat(probe.target()).startsWith("/v1/models");

    C_REFUSED.set(false);
    JsonObject maintenance = admin.post(pool("kp-auth") + "/maintenance", null);
    assertThat(maintenance.getJsonArray("probed").getValuesAs(JsonObject.class))
        .anySatisfy(
            p -> {
              assertThat(p.getString("key")).endsWith("...0003");
              assertThat(p.getString("from")).isEqualTo("invalid");
              assertThat(p.getString("to")).isEqualTo("active");
            });
    upstream.script(r -> json(200, MESSAGE_JSON));
    for (int i = 0; i < 4; i++) {
      assertThat(messages("kp-auth-model").statusCode()).isEqualTo(200);
    }
    assertThat(keysUsed("x-api-key")).contains(KEY_C);
  }

  @Test
  void aGeminiKeyOutOfOneModelsDailyQuotaKeepsServingTheOtherModels() {
    upstream.script(
        r ->
            GEM_1.equals(r.header("x-goog-api-key")) && r.target().contains("gemini-2.5-pro")
                ? json(429, perDayQuota("gemini-2.5-pro"))
                : json(200, geminiAnswer(r.target())));

    for (int i = 0; i < 4; i++) {
      assertThat(messages("kp-gemini-2.5-pro").statusCode()).isEqualTo(200);
    }
    List<ScriptedUpstream.Received> pro = upstream.received();
    assertThat(
            pro.stream()
                .filter(r -> GEM_1.equals(r.header("x-goog-api-key")))
                .filter(r -> r.target().contains("gemini-2.5-pro"))
                .count())
        .isEqualTo(1);

    upstream.script(r -> json(200, geminiAnswer(r.target())));
    for (int i = 0; i < 6; i++) {
      assertThat(messages("kp-gemini-2.5-flash").statusCode()).isEqualTo(200);
    }
    assertThat(keysUsed("x-goog-api-key")).contains(GEM_1, GEM_2);
    for (int i = 0; i < 3; i++) {
      assertThat(messages("kp-gemini-2.5-pro").statusCode()).isEqualTo(200);
    }
    assertThat(
            upstream.received().stream()
                .filter(r -> r.target().contains("gemini-2.5-pro"))
                .map(r -> r.header("x-goog-api-key"))
                .distinct()
                .toList())
        .containsExactly(GEM_2);

    JsonObject g1 = key("kp-gem", GEM_1);
    assertThat(g1.getString("status")).isEqualTo("active");
    JsonObject limit = g1.getJsonArray("modelLimits").getJsonObject(0);
    assertThat(limit.getString("model")).isEqualTo("gemini-2.5-pro");
    assertThat(limit.getString("status")).isEqualTo("exhausted");
    ZoneId pacific = ZoneId.of("America/Los_Angeles");
    assertThat(Instant.parse(limit.getString("until")))
        .isEqualTo(LocalDate.now(pacific).plusDays(1).atStartOfDay(pacific).toInstant());
    JsonObject status = admin.get(pool("kp-gem"));
    assertThat(status.getJsonObject("provider").getString("strategy")).isEqualTo("gemini-quota");
    assertThat(status.getJsonObject("counts").getInt("limited_for_a_model")).isEqualTo(1);
    assertThat(status.getJsonArray("strategies").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString)
        .contains("round-robin", "random", "least-used", "gemini-quota");
    JsonObject stats = admin.get(pool("kp-gem") + "/stats?keyId=" + KEY_IDS.get(GEM_1));
    assertThat(
            stats
                .getJsonObject("keys")
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonObject("failuresByClass")
                .getInt("quota_exhausted"))
        .isEqualTo(1);

    // Stored for the next start by the state writer.
    await()
        .atMost(Duration.ofSeconds(8))
        .untilAsserted(
            () -> {
              try (Connection db = RelayTestEnvironment.openDatabase();
                  PreparedStatement select =
                      db.prepareStatement(
                          "SELECT status FROM provider_key_model_state WHERE key_id = ? AND model = ?")) {
                select.setLong(1, KEY_IDS.get(GEM_1));
                select.setString(2, "gemini-2.5-pro");
                try (ResultSet row = select.executeQuery()) {
                  assertThat(row.next()).isTrue();
                  assertThat(row.getString(1)).isEqualTo("EXHAUSTED");
                }
              }
            });
  }

  @Test
  void aClaudeCodeSessionStaysOnOneKeyWhenTheProviderAsksForIt() {
    upstream.script(r -> json(200, MESSAGE_JSON));
    JsonObject status = admin.get(pool("kp-limits"));
    assertThat(status.getJsonObject("provider").getBoolean("sessionAffinity")).isTrue();

    for (int i = 0; i < 5; i++) {
      assertThat(messages("kp-limits-model", "user_abc_account__session_1234").statusCode())
          .isEqualTo(200);
    }

    assertThat(keysUsed("x-api-key").stream().distinct().count()).isEqualTo(1);
    assertThat(admin.get(pool("kp-limits")).getInt("affineSessions")).isGreaterThanOrEqualTo(1);
  }

  // ---- the database -----------------------------------------------------------------------

  @Test
  void statesAndCountersReachTheDatabaseInBatchesAndAnAdminsDisableAtOnce() throws Exception {
    upstream.script(r -> json(200, MESSAGE_JSON));
    int d = KEY_IDS.get(KEY_D);
    for (int i = 0; i < 3; i++) {
      messages("kp-auth-model");
    }
    long live = key("kp-auth", KEY_D).getJsonNumber("requests").longValue();
    await()
        .atMost(Duration.ofSeconds(8))
        .untilAsserted(
            () -> assertThat(column(d, "total_requests")).isEqualTo(String.valueOf(live)));

    HttpResponse<String> disabled =
        admin.send("PUT", pool("kp-auth") + "/keys/" + d, "{\"status\":\"disabled\"}");
    assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
    // Written in the admin's transaction: no waiting for the state writer.
    assertThat(column(d, "status")).isEqualTo("DISABLED");
    assertThat(GatewayIT.json(disabled).getString("status")).isEqualTo("disabled");
    try {
      Thread.sleep(2_500); // a state writer flush passes; the admin's decision must stay
      assertThat(column(d, "status")).isEqualTo("DISABLED");
      upstream.script(r -> json(200, MESSAGE_JSON));
      for (int i = 0; i < 4; i++) {
        assertThat(messages("kp-auth-model").statusCode()).isEqualTo(200);
      }
      assertThat(keysUsed("x-api-key")).hasSize(4).doesNotContain(KEY_D);
    } finally {
      assertThat(
              admin
                  .send("PUT", pool("kp-auth") + "/keys/" + d, "{\"status\":\"active\"}")
                  .statusCode())
          .isEqualTo(200);
    }
    assertThat(column(d, "status")).isEqualTo("ACTIVE");
    assertThat(Long.parseLong(column(d, "admin_revision"))).isGreaterThanOrEqualTo(2);
  }

  // ---- the admin API ----------------------------------------------------------------------

  @Test
  void badInputGets4xxNamingTheProblem() {
    String keys = pool("kp-limits") + "/keys";
    assertProblem(admin.send("GET", "/api/admin/key-pool/999999", null), 404, "999999");
    assertProblem(admin.send("POST", keys, "{\"key\":\"\"}"), 400, "key: must not be empty");
    assertProblem(admin.send("POST", keys, "{\"key\":\"sk has spaces 123\"}"), 400, "printable");
    assertProblem(
        admin.send("POST", keys, "{\"key\":\"" + KEY_A + "\"}"), 409, "has this key already");
    assertProblem(
        admin.send("POST", keys, "{\"key\":\"sk-fine-key-0099\",\"weight\":0}"), 400, "weight");
    assertProblem(admin.send("GET", pool("kp-limits") + "?status=sleepy", null), 400, "sleepy");
    assertProblem(admin.send("GET", pool("kp-limits") + "?sort=colour", null), 400, "colour");
    assertProblem(admin.send("PUT", keys + "/999999", "{\"label\":\"x\"}"), 404, "999999");
    assertProblem(
        admin.send("PUT", keys + "/" + KEY_IDS.get(KEY_A), "{\"status\":\"invalid\"}"),
        400,
        "status");
    assertProblem(
        admin.send("POST", keys + "/batch-operation", "{\"operation\":\"explode\",\"keyIds\":[1]}"),
        400,
        "explode");
    assertProblem(admin.send("POST", keys + "/batch", "{}"), 400, "keys");
  }

  @Test
  void tenThousandKeysImportInSecondsAndTheConsoleQueriesStayFast() {
    StringBuilder text = new StringBuilder("# bulk import\n");
    for (int i = 0; i < 10_000; i++) {
      text.append(String.format("sk-bulk-%06d-abcdefgh%n", i));
    }
    text.append("sk-bulk-000007-abcdefgh\n"); // repeated
    text.append("not a key\n");
    text.append("short\n");
    String body = "{\"text\":" + jsonString(text.toString()) + ",\"weight\":2,\"label\":\"bulk\"}";

    long started = System.nanoTime();
    HttpResponse<String> imported = admin.send("POST", pool("kp-bulk") + "/keys/batch", body);
    long importMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    JsonObject summary = GatewayIT.json(imported).getJsonObject("summary");
    assertThat(summary.getInt("added")).isEqualTo(10_000);
    assertThat(summary.getInt("duplicate")).isEqualTo(1);
    assertThat(summary.getInt("invalid_format")).isEqualTo(2);
    assertThat(imported.body()).doesNotContain("sk-bulk-000007-abcdefgh");
    // Lines as pasted: a comment on line 1, key 7 on line 9, the repeat on line 10,002.
    List<JsonObject> refused =
        GatewayIT.json(imported).getJsonArray("results").getValuesAs(JsonObject.class).stream()
            .filter(r -> !r.getString("result").equals("added"))
            .toList();
    assertThat(refused)
        .extracting(r -> r.getInt("line") + " " + r.getString("reason"))
        .containsExactly("10002 repeats", "10003 key_characters", "10004 key_length");
    assertThat(refused.get(0).getInt("repeats")).isEqualTo(9);
    assertThat(refused.get(0).getString("message")).isEqualTo("repeats entry 9 of this batch");
    assertThat(importMillis).as("import of 10,000 keys, ms").isLessThan(20_000);

    long listStarted = System.nanoTime();
    JsonObject page = admin.get(pool("kp-bulk") + "?offset=9990&limit=50&sort=-id");
    long listMillis = (System.nanoTime() - listStarted) / 1_000_000;
    assertThat(page.getJsonObject("keys").getInt("total")).isEqualTo(10_000);
    assertThat(page.getJsonObject("keys").getJsonArray("items")).hasSize(10);
    // An admin finds a key by pasting it whole; the answer shows it masked.
    JsonObject found = admin.get(pool("kp-bulk") + "?q=sk-bulk-000123-abcdefgh&limit=5");
    assertThat(found.getJsonObject("keys").getInt("total")).isEqualTo(1);
    assertThat(found.getJsonObject("keys").getJsonArray("items").getJsonObject(0).getInt("weight"))
        .isEqualTo(2);

    long statsStarted = System.nanoTime();
    JsonObject stats = admin.get(pool("kp-bulk") + "/stats?limit=1000&sort=-requests");
    long statsMillis = (System.nanoTime() - statsStarted) / 1_000_000;
    assertThat(stats.getJsonObject("totals").getInt("keys")).isEqualTo(10_000);
    assertThat(stats.getJsonObject("keys").getJsonArray("items")).hasSize(1_000);
    assertThat(statsMillis).as("stats over 10,000 keys, ms").isLessThan(1_000);
    System.out.printf(
        "KeyPoolIT figures: import of 10,000 keys %d ms; page of a 10,000-key pool %d ms;"
            + " stats %d ms%n",
        importMillis, listMillis, statsMillis);

    List<Integer> ids =
        page.getJsonObject("keys").getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .map(k -> k.getInt("id"))
            .limit(3)
            .toList();
    String idList =
        ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ",424242424";
    JsonObject operation =
        admin.post(
            pool("kp-bulk") + "/keys/batch-operation",
            "{\"operation\":\"disable\",\"keyIds\":[" + idList + "]}");
    assertThat(operation.getInt("done")).isEqualTo(3);
    assertThat(operation.getInt("notFound")).isEqualTo(1);
    assertThat(
            admin.get(pool("kp-bulk") + "?status=disabled").getJsonObject("keys").getInt("total"))
        .isEqualTo(3);
    assertThat(admin.send("DELETE", pool("kp-bulk") + "/keys/" + ids.get(0), null).statusCode())
        .isEqualTo(204);
    assertThat(admin.get(pool("kp-bulk")).getJsonObject("counts").getInt("total")).isEqualTo(9_999);
  }

  @Test
  void aTestedBatchAddsTheKeysTheUpstreamAcceptsAndReportsTheOthers() {
    upstream.script(
        r ->
            "Bearer sk-probe-bad-0001".equals(r.header("authorization"))
                ? json(
                    401,
                    "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")
                : json(200, "{\"object\":\"list\",\"data\":[]}"));

    JsonObject result =
        admin.post(
            pool("kp-bulk") + "/keys/batch",
            "{\"keys\":[\"sk-probe-good-0001\",{\"key\":\"sk-probe-good-0002\",\"rpmLimit\":60,"
                + "\"concurrencyLimit\":2},\"sk-probe-bad-0001\",\"\"],\"test\":true}");

    List<JsonObject> items = result.getJsonArray("results").getValuesAs(JsonObject.class);
    assertThat(items.get(0).getString("result")).isEqualTo("added");
    assertThat(items.get(1).getString("result")).isEqualTo("added");
    assertThat(items.get(2).getString("result")).isEqualTo("test_failed");
    assertThat(items.get(2).getString("reason")).isEqualTo("upstream_refused");
    assertThat(items.get(2).getJsonObject("upstream").getInt("status")).isEqualTo(401);
    assertThat(items.get(2).getJsonObject("upstream").getString("errorClass"))
        .isEqualTo("key_invalid");
    assertThat(items.get(3).getString("result")).isEqualTo("invalid_format");
    assertThat(items.get(3).getString("reason")).isEqualTo("key_empty");
    assertThat(items.get(0).containsKey("reason")).isFalse();
    assertThat(upstream.received()).allSatisfy(r -> assertThat(r.target()).isEqualTo("/v1/models"));
    JsonObject limited = keyById("kp-bulk", items.get(1).getInt("keyId"));
    assertThat(limited.getInt("rpmLimit")).isEqualTo(60);
    assertThat(limited.getInt("concurrencyLimit")).isEqualTo(2);
  }

  // ---- helpers ----------------------------------------------------------------------------

  private void provider(
      String name, String kind, String baseUrl, String strategy, List<String> keys) {
    JsonObject provider =
        admin.post(
            "/api/admin/providers",
            "{\"name\":\""
                + name
                + "\",\"kind\":\""
                + kind
                + "\",\"baseUrl\":\""
                + baseUrl
                + "\",\"strategy\":\""
                + strategy
                + "\",\"firstByteTimeoutMs\":5000}");
    PROVIDERS.put(name, provider.getInt("id"));
    for (String key : keys) {
      JsonObject added = admin.post(pool(name) + "/keys", "{\"key\":\"" + key + "\"}");
      assertThat(added.getString("key")).doesNotContain(key);
      KEY_IDS.put(key, added.getInt("id"));
    }
  }

  private void route(String model, String provider) {
    admin.post(
        "/api/admin/routes", "{\"match\":\"" + model + "\",\"provider\":\"" + provider + "\"}");
  }

  private void route(String match, String provider, String upstreamModel) {
    admin.post(
        "/api/admin/routes",
        "{\"match\":\""
            + match
            + "\",\"provider\":\""
            + provider
            + "\",\"model\":\""
            + upstreamModel
            + "\"}");
  }

  private static String pool(String provider) {
    return "/api/admin/key-pool/" + PROVIDERS.get(provider);
  }

  private JsonObject key(String provider, String secret) {
    return keyById(provider, KEY_IDS.get(secret));
  }

  private JsonObject keyById(String provider, int id) {
    return admin
        .get(pool(provider) + "?q=" + id + "&limit=1000")
        .getJsonObject("keys")
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(k -> k.getInt("id") == id)
        .findFirst()
        .orElseThrow();
  }

  private HttpResponse<String> messages(String model) {
    return messages(model, null);
  }

  private HttpResponse<String> messages(String model, String userId) {
    String body =
        "{\"model\":\""
            + model
            + "\",\"max_tokens\":16,"
            + (userId == null ? "" : "\"metadata\":{\"user_id\":\"" + userId + "\"},")
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    return http.send(
        http.request("/v1/messages")
            .header("content-type", "application/json")
            .header("x-api-key", clientKey)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static List<String> keysUsed(String header) {
    List<String> keys = new ArrayList<>();
    for (ScriptedUpstream.Received r : upstream.received()) {
      if (r.header(header) != null) {
        keys.add(r.header(header));
      }
    }
    return keys;
  }

  private static String column(int keyId, String column) throws Exception {
    try (Connection db = RelayTestEnvironment.openDatabase();
        PreparedStatement select =
            db.prepareStatement("SELECT " + column + " FROM provider_key WHERE id = ?")) {
      select.setLong(1, keyId);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getString(1);
      }
    }
  }

  private static void assertProblem(HttpResponse<String> response, int status, String mention) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(GatewayIT.json(response).getJsonObject("error").getString("message"))
        .contains(mention);
  }

  private static String jsonString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private static String perDayQuota(String model) {
    return "{\"error\":{\"code\":429,\"message\":\"You exceeded your current quota\",\"status\":"
        + "\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.QuotaFailure\","
        + "\"violations\":[{\"quotaMetric\":\"generativelanguage.googleapis.com/generate_content_free_tier_requests\","
        + "\"quotaId\":\"GenerateRequestsPerDayPerProjectPerModel-FreeTier\",\"quotaDimensions\":"
        + "{\"location\":\"global\",\"model\":\""
        + model
        + "\"},\"quotaValue\":\"50\"}]},{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\","
        + "\"retryDelay\":\"41s\"}]}}";
  }

  private static String geminiAnswer(String target) {
    return "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"pong\"}],\"role\":\"model\"},"
        + "\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":3,"
        + "\"candidatesTokenCount\":1,\"totalTokenCount\":4},\"modelVersion\":\"gemini\"}";
  }

  private static final String MESSAGE_JSON =
      "{\"id\":\"msg_kp\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"pong\"}],\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}";
}
