package dev.clauderelay.gateway.it;

import static dev.clauderelay.gateway.it.ScriptedUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a team pays, through HTTP: each request priced into the request log, budgets that run out
 * with a 429 and reset on time (the relay's clock moved by the test), concurrency slots given back
 * however an exchange ends, the CSV export, and Claude accounts ordered by the usage windows their
 * answers report.
 */
@ExtendWith({RelayTestEnvironment.class, ArquillianExtension.class})
class CostsIT {

  private static final String MODEL = "claude-sonnet-4-5-costs";
  private static final String ACCOUNTS_MODEL = "claude-haiku-4-5-accounts";

  /** Sonnet 4.5: 100 x $3 + 1000 x $15 per million = $0.0153. */
  private static final String ANSWER =
      "{\"id\":\"msg_cost\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"x\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":100,\"output_tokens\":1000}}";

  private static ScriptedUpstream upstream;
  private static AdminClient admin;
  private static boolean configured;

  @Deployment(testable = false)
  static WebArchive gateway() {
    return RelayWar.withMovableClock();
  }

  @ArquillianResource private URL deployment;
  private Http http;

  @BeforeEach
  void configureOnce() throws Exception {
    http = new Http(deployment);
    if (configured) {
      return;
    }
    upstream = new ScriptedUpstream();
    admin = new AdminClient(http);
    JsonObject provider =
        admin.post(
            "/api/admin/providers",
            "{\"name\":\"costs-anth\",\"kind\":\"anthropic\",\"baseUrl\":\""
                + upstream.baseUrl()
                + "\"}");
    admin.post(
        "/api/admin/providers/" + provider.getInt("id") + "/keys",
        "{\"key\":\"sk-costs-key-000001\"}");
    admin.post("/api/admin/routes", "{\"match\":\"" + MODEL + "\",\"provider\":\"costs-anth\"}");
    admin.post("/api/admin/routes", "{\"match\":\"mystery-model-*\",\"provider\":\"costs-anth\"}");
    upstream.script(r -> json(200, ANSWER));
    configured = true;
  }

  @AfterAll
  static void stopUpstream() throws Exception {
    if (upstream != null) {
      upstream.close();
    }
  }

  @Test
  void aDailyCostBudgetRunsOutWithA429NamingItAndResetsAtMidnight() throws Exception {
    JsonObject key =
        admin.post(
            "/api/admin/client-keys",
            "{\"name\":\"costs-daily\",\"models\":[\"*\"],\"budget\":{\"dailyCost\":0.02}}");
    String clear = key.getString("key");
    assertThat(key.getJsonObject("budget").getJsonNumber("dailyCost").bigDecimalValue())
        .isEqualByComparingTo("0.02");

    assertThat(messages(clear, MODEL).statusCode()).isEqualTo(200); // 0.0153 spent
    assertThat(messages(clear, MODEL).statusCode()).isEqualTo(200); // 0.0306: over from now
    HttpResponse<String> refused = messages(clear, MODEL);

    assertThat(refused.statusCode()).isEqualTo(429);
    JsonObject error = GatewayIT.json(refused).getJsonObject("error");
    assertThat(error.getString("type")).isEqualTo("rate_limit_error");
    assertThat(error.getString("message"))
        .contains("daily cost limit of 0.02 is reached (0.0306 spent)")
        .contains("resets at ");
    long now = Long.parseLong(http.get("/it-clock").body().strip());
    long midnight =
        Instant.ofEpochMilli(now)
            .truncatedTo(java.time.temporal.ChronoUnit.DAYS)
            .plus(Duration.ofDays(1))
            .toEpochMilli();
    long retryAfter = Long.parseLong(refused.headers().firstValue("retry-after").orElseThrow());
    assertThat(retryAfter).isBetween((midnight - now) / 1000 - 5, (midnight - now) / 1000 + 5);
    assertThat(error.getString("message")).contains(Instant.ofEpochMilli(midnight).toString());

    JsonObject shown = admin.get("/api/admin/client-keys/" + key.getInt("id"));
    assertThat(shown.getJsonObject("spend").getJsonNumber("dayCost").bigDecimalValue())
        .isEqualByComparingTo("0.0306");
    assertThat(shown.getJsonObject("spend").getJsonNumber("dayTokens").longValue()).isEqualTo(2200);

    http.get("/it-clock?advanceMillis=" + (midnight - now + 1_000));
    assertThat(messages(clear, MODEL).statusCode()).isEqualTo(200);
    JsonObject after = admin.get("/api/admin/client-keys/" + key.getInt("id"));
    assertThat(after.getJsonObject("spend").getJsonNumber("dayCost").bigDecimalValue())
        .isEqualByComparingTo("0.0153");
  }

  @Test
  void theConcurrencySlotIsGivenBackAfterSuccessErrorAndClientHangUp() throws Exception {
    JsonObject key =
        admin.post(
            "/api/admin/client-keys",
            "{\"name\":\"costs-one-at-a-time\",\"models\":[\"*\"],\"budget\":{\"concurrency\":1}}");
    String clear = key.getString("key");
    assertThat(messages(clear, MODEL).statusCode()).isEqualTo(200);
    upstream.script(
        r ->
            json(
                400,
                "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"no\"}}"));
    assertThat(messages(clear, MODEL).statusCode()).isEqualTo(400);

    // A stream the upstream holds open: the slot is taken while it runs...
    upstream.script(
        r ->
            ScriptedUpstream.stall(
                List.of(
                    "event: message_start\r\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"x\",\"content\":[],\"stop_reason\":null,\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}\r\n\r\n"),
                20_000));
    try (Socket client = new Socket("127.0.0.1", deployment.getPort())) {
      byte[] body =
          ("{\"model\":\""
                  + MODEL
                  + "\",\"max_tokens\":5,\"stream\":true,"
                  + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
              .getBytes(StandardCharsets.UTF_8);
      OutputStream out = client.getOutputStream();
      out.write(
          ("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: "
                  + clear
                  + "\r\ncontent-type: application/json\r\ncontent-length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      InputStream in = client.getInputStream();
      byte[] head = new byte[12];
      assertThat(in.readNBytes(head, 0, 12)).isEqualTo(12); // "HTTP/1.1 200"
      HttpResponse<String> second = messages(clear, MODEL);
      assertThat(second.statusCode()).isEqualTo(429);
      assertThat(second.body()).contains("concurrency limit of 1");
    } // ...and given back when the client hangs up
    upstream.script(r -> json(200, ANSWER));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(messages(clear, MODEL).statusCode()).isEqualTo(200));
  }

  @Test
  void everyRequestIsPricedAndAnUnpricedModelIsCountedAndFlaggedNotDropped() throws Exception {
    JsonObject key =
        admin.post("/api/admin/client-keys", "{\"name\":\"costs-log\",\"models\":[\"*\"]}");
    HttpResponse<String> priced = messages(key.getString("key"), MODEL);
    HttpResponse<String> unpriced = messages(key.getString("key"), "mystery-model-1");
    assertThat(priced.statusCode()).isEqualTo(200);
    assertThat(unpriced.statusCode()).isEqualTo(200);

    Object[] pricedRow = logged(priced);
    assertThat(pricedRow[0]).isEqualTo(15_300_000L);
    assertThat(pricedRow[1]).isEqualTo(false);
    Object[] unpricedRow = logged(unpriced);
    assertThat(unpricedRow[0]).isNull();
    assertThat(unpricedRow[1]).isEqualTo(true);

    JsonObject cost = admin.get("/api/admin/usage/cost?hours=48&by=client-key");
    assertThat(cost.getJsonArray("series").getValuesAs(JsonObject.class))
        .anyMatch(
            s ->
                s.getString("name").equals("costs-log")
                    && s.getJsonNumber("total")
                            .bigDecimalValue()
                            .compareTo(new java.math.BigDecimal("0.0153"))
                        == 0);
    assertThat(cost.getJsonNumber("unpricedRequests").longValue()).isGreaterThanOrEqualTo(1);
    JsonObject byModel = admin.get("/api/admin/usage/cost?hours=48&by=model");
    assertThat(byModel.getJsonArray("series").getValuesAs(JsonObject.class))
        .anyMatch(s -> s.getString("name").equals(MODEL));
    assertThat(admin.send("GET", "/api/admin/usage/cost?by=nonsense", null).statusCode())
        .isEqualTo(400);
  }

  @Test
  void theRequestLogExportsAsCsvWithFormulasDefused() throws Exception {
    JsonObject key =
        admin.post("/api/admin/client-keys", "{\"name\":\"costs-csv\",\"models\":[\"*\"]}");
    String hostile = "=HYPERLINK(\\\"http://x\\\",\\\"y\\\")";
    HttpResponse<String> refused = messages(key.getString("key"), hostile);
    assertThat(refused.statusCode()).isEqualTo(404);
    HttpResponse<String> ok = messages(key.getString("key"), MODEL);
    logged(ok);
    logged(refused);

    HttpResponse<String> csv =
        admin.send(
            "GET",
            "/api/admin/usage/requests.csv?from="
                + Instant.now().minus(Duration.ofHours(1))
                + "&to="
                + Instant.now().plus(Duration.ofDays(2)),
            null);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("content-type").orElse("")).startsWith("text/csv");
    assertThat(csv.headers().firstValue("content-disposition").orElse("")).contains("attachment");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).startsWith("request_id,started_at,client_key,provider,");
    String requestId = ok.headers().firstValue("request-id").orElseThrow();
    assertThat(lines).anyMatch(l -> l.startsWith(requestId + ",") && l.contains(",0.0153,false,"));
    assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    assertThat(csv.body()).doesNotContain(",=HYPERLINK");
    assertThat(
            admin
                .send(
                    "GET",
                    "/api/admin/usage/requests.csv?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z",
                    null)
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void unifiedWindowsReportedByTheUpstreamChangeWhichAccountServesNext() throws Exception {
    for (JsonObject account :
        admin
            .get("/api/admin/claude-accounts")
            .getJsonArray("accounts")
            .getValuesAs(JsonObject.class)) {
      admin.send("DELETE", "/api/admin/claude-accounts/" + account.getInt("id"), null);
    }
    admin.post(
        "/api/admin/providers",
        "{\"name\":\"costs-accounts\",\"kind\":\"anthropic\",\"baseUrl\":\""
            + upstream.baseUrl()
            + "\",\"claudeAccounts\":true}");
    admin.post(
        "/api/admin/routes",
        "{\"match\":\"" + ACCOUNTS_MODEL + "\",\"provider\":\"costs-accounts\"}");
    String busyKey = "sk-ant-api03-costs-busy-abcdefghijklmnop-0001";
    String idleKey = "sk-ant-api03-costs-idle-abcdefghijklmnop-0002";
    int busy =
        admin
            .post(
                "/api/admin/claude-accounts",
                "{\"name\":\"costs-busy\",\"authType\":\"api_key\",\"apiKey\":\"" + busyKey + "\"}")
            .getInt("id");
    int idle =
        admin
            .post(
                "/api/admin/claude-accounts",
                "{\"name\":\"costs-idle\",\"authType\":\"api_key\",\"apiKey\":\"" + idleKey + "\"}")
            .getInt("id");
    Map<String, String> utilization = new java.util.concurrent.ConcurrentHashMap<>();
    utilization.put(busyKey, "0.92");
    utilization.put(idleKey, "0.10");
    long reset = Instant.now().plus(Duration.ofHours(3)).getEpochSecond();
    upstream.script(
        r ->
            json(
                200,
                Map.of(
                    "anthropic-ratelimit-unified-status", "allowed",
                    "anthropic-ratelimit-unified-5h-utilization",
                        utilization.getOrDefault(r.header("x-api-key"), "0"),
                    "anthropic-ratelimit-unified-5h-reset", Long.toString(reset),
                    "anthropic-ratelimit-unified-7d-utilization", "0.05",
                    "anthropic-ratelimit-unified-representative-claim", "five_hour"),
                ANSWER));
    JsonObject key =
        admin.post("/api/admin/client-keys", "{\"name\":\"costs-accts\",\"models\":[\"*\"]}");
    String clear = key.getString("key");

    // Both answer once (the pool takes turns before it knows), then the idle one takes every
    // request.
    messages(clear, ACCOUNTS_MODEL);
    messages(clear, ACCOUNTS_MODEL);
    int before = upstream.received().size();
    for (int i = 0; i < 4; i++) {
      assertThat(messages(clear, ACCOUNTS_MODEL).statusCode()).isEqualTo(200);
    }
    assertThat(served(before)).containsOnly(idleKey);

    // The idle account's window fills past the busy one's: the order turns.
    utilization.put(idleKey, "0.97");
    messages(clear, ACCOUNTS_MODEL);
    before = upstream.received().size();
    for (int i = 0; i < 3; i++) {
      messages(clear, ACCOUNTS_MODEL);
    }
    assertThat(served(before)).containsOnly(busyKey);

    JsonObject shown =
        admin
            .get("/api/admin/claude-accounts")
            .getJsonArray("accounts")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(a -> a.getInt("id") == idle)
            .findFirst()
            .orElseThrow();
    JsonObject windows = shown.getJsonObject("usageWindows");
    assertThat(windows.getString("representativeClaim")).isEqualTo("five_hour");
    assertThat(windows.getJsonArray("windows").getValuesAs(JsonObject.class))
        .anyMatch(
            w ->
                w.getString("name").equals("5h")
                    && w.getJsonNumber("utilization").doubleValue() == 0.97);
    // Stored with the key state, in batches: the database has it within seconds.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              try (Connection db = RelayTestEnvironment.openDatabase();
                  PreparedStatement select =
                      db.prepareStatement(
                          "SELECT usage_windows FROM claude_account WHERE id = ?")) {
                select.setLong(1, busy);
                try (ResultSet row = select.executeQuery()) {
                  assertThat(row.next()).isTrue();
                  assertThat(row.getString(1)).contains("\"5h\"").contains("0.92");
                }
              }
            });
    for (int id : List.of(busy, idle)) {
      admin.send("DELETE", "/api/admin/claude-accounts/" + id, null);
    }
  }

  private List<String> served(int from) {
    List<String> keys = new ArrayList<>();
    for (ScriptedUpstream.Received r :
        upstream.received().subList(from, upstream.received().size())) {
      keys.add(r.header("x-api-key"));
    }
    return keys;
  }

  /**
   * The request sent the moment an answer is complete meets that answer's cost and finds its
   * concurrency slot free: both were settled before the answer's last bytes left. Forty keys, eight
   * at a time (the race shows when the thread that wrote an answer is held up before it settles),
   * forty chances for it.
   */
  @Test
  void theRequestAfterACompleteAnswerMeetsItsCostAndFindsItsSlotFree() throws Exception {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      keys.add(
          admin
              .post(
                  "/api/admin/client-keys",
                  "{\"name\":\"costs-next-"
                      + i
                      + "\",\"models\":[\"*\"],"
                      + "\"budget\":{\"dailyCost\":0.02,\"concurrency\":1}}")
              .getString("key"));
    }
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> answers = new ArrayList<>();
      for (String key : keys) {
        // 0.0153 spent, then 0.0306 (over from now), then refused for the cost
        answers.add(
            clients.submit(
                () -> {
                  List<String> outcomes = new ArrayList<>();
                  for (int request = 0; request < 3; request++) {
                    HttpResponse<String> answer = messages(key, MODEL);
                    outcomes.add(
                        answer.statusCode()
                            + (answer.body().contains("daily cost limit") ? " cost" : "")
                            + (answer.body().contains("concurrency limit") ? " concurrency" : ""));
                  }
                  return outcomes;
                }));
      }
      for (Future<List<String>> outcomes : answers) {
        assertThat(outcomes.get(60, TimeUnit.SECONDS)).containsExactly("200", "200", "429 cost");
      }
    } finally {
      clients.shutdownNow();
    }
  }

  private HttpResponse<String> messages(String clientKey, String model) {
    return http.send(
        http.request("/v1/messages")
            .header("x-api-key", clientKey)
            .header("content-type", "application/json")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "{\"model\":\""
                        + model
                        + "\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));
  }

  /** The request's cost and unpriced flag in the request log, once written. */
  private static Object[] logged(HttpResponse<String> response) {
    String requestId = response.headers().firstValue("request-id").orElseThrow();
    Object[] row = new Object[2];
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              try (Connection db = RelayTestEnvironment.openDatabase();
                  PreparedStatement select =
                      db.prepareStatement(
                          "SELECT cost_nanos, unpriced FROM request_log WHERE request_id = ?")) {
                select.setString(1, requestId);
                try (ResultSet result = select.executeQuery()) {
                  assertThat(result.next()).as("request %s logged", requestId).isTrue();
                  long cost = result.getLong(1);
                  row[0] = result.wasNull() ? null : cost;
                  row[1] = result.getBoolean(2);
                }
              }
            });
    return row;
  }
}
