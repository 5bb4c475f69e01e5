package dev.clauderelay.gateway.it;

import static dev.clauderelay.gateway.it.ScriptedUpstream.json;
import static dev.clauderelay.gateway.it.ScriptedUpstream.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clauderelay.plugin.api.SseEvent;
import dev.clauderelay.plugin.testkit.AnthropicStreamGrammar;
import dev.clauderelay.plugin.testkit.SseStreams;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request path through HTTP: the real WAR on Payara Micro relaying to a scripted upstream in
 * this JVM. Byte fidelity, failover and key state, mid-stream failures, cancellation, every bad
 * input, usage, and the translated providers.
 */
@ExtendWith({RelayTestEnvironment.class, ArquillianExtension.class})
class RelayIT {

  private static final String CLIENT_KEY = "rk-it-client-0123456789abcdef";
  private static final String LIMITED_KEY = "rk-it-limited-0123456789abcd";
  private static final String DISABLED_KEY = "rk-it-disabled-0123456789abc";
  private static final String EXPIRED_KEY = "rk-it-expired-0123456789abcd";

  private static ScriptedUpstream upstream;
  private static boolean configured;

  @Deployment(testable = false)
  static WebArchive gateway() {
    return RelayWar.asBuilt();
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
    AdminClient admin = new AdminClient(http);
    String base = upstream.baseUrl();
    provider(
        admin,
        "anth",
        "anthropic",
        base,
        List.of("sk-anth-main-000001"),
        ",\"betasToDrop\":[\"context-management-2025-06-27\"]");
    provider(
        admin,
        "pool",
        "anthropic",
        base,
        List.of("sk-pool-key-a-00001", "sk-pool-key-b-00002"),
        "");
    provider(
        admin,
        "pool401",
        "anthropic",
        base,
        List.of("sk-p401-key-c-0001", "sk-p401-key-d-0002"),
        "");
    provider(admin, "limited", "anthropic", base, List.of("sk-allrl-key-e-001"), "");
    provider(
        admin,
        "dead",
        "anthropic",
        "http://127.0.0.1:9",
        List.of("sk-dead-key-00001"),
        ",\"connectTimeoutMs\":1000");
    provider(admin, "spare", "anthropic", base, List.of("sk-spare-key-00001"), "");
    provider(admin, "oai", "openai", base + "/v1", List.of("sk-openai-key-0001"), "");
    provider(admin, "gem", "gemini", base + "/v1beta", List.of("gm-gemini-key-0001"), "");
    provider(admin, "oair", "openai-responses", base + "/v1", List.of("sk-oair-key-000001"), "");
    provider(
        admin,
        "flaky",
        "anthropic",
        base,
        List.of("sk-flaky-key-a-0001", "sk-flaky-key-b-0002"),
        "");
    // Not through provider(): its first-byte timeout is the point.
    JsonObject slow =
        admin.post(
            "/api/admin/providers",
            "{\"name\":\"slow\",\"kind\":\"anthropic\",\"baseUrl\":\""
                + base
                + "\",\"firstByteTimeoutMs\":1000}");
    for (String key : List.of("sk-slow-key-a-00001", "sk-slow-key-b-00002")) {
      admin.post(
          "/api/admin/providers/" + slow.getInt("id") + "/keys", "{\"key\":\"" + key + "\"}");
    }
    route(admin, "claude-opus-5-5", "anth", null, "");
    route(admin, "*haiku*", "anth", "claude-haiku-upstream", "");
    route(admin, "pool-model", "pool", null, "");
    route(admin, "pool401-model", "pool401", null, "");
    route(admin, "limited-model", "limited", null, "");
    route(admin, "fallback-model", "dead", null, ",\"fallbacks\":[{\"provider\":\"spare\"}]");
    route(admin, "flaky-model", "flaky", null, "");
    route(admin, "slow-model", "slow", null, "");
    route(admin, "deepseek-chat", "oai", null, "");
    route(admin, "gemini-*", "gem", null, "");
    route(admin, "gpt-5.1", "oair", null, "");
    clientKey(admin, "it", List.of("*"), null, null);
    clientKey(admin, "limited", List.of("claude-*"), 2, null);
    admin.send(
        "PUT",
        "/api/admin/client-keys/" + clientKey(admin, "disabled", List.of("*"), null, null),
        "{\"enabled\":false}");
    clientKey(admin, "expired", List.of("*"), null, "2020-01-01T00:00:00Z");
    configured = true;
  }

  @AfterAll
  static void stopUpstream() throws Exception {
    if (upstream != null) {
      upstream.close();
    }
  }

  private static void provider(
      AdminClient admin,
      String name,
      String kind,
      String baseUrl,
      List<String> keys,
      String extra) {
    JsonObject provider =
        admin.post(
            "/api/admin/providers",
            "{\"name\":\""
                + name
                + "\",\"kind\":\""
                + kind
                + "\",\"baseUrl\":\""
                + baseUrl
                + "\",\"streamIdleTimeoutMs\":1500,\"firstByteTimeoutMs\":5000"
                + extra
                + "}");
    for (String key : keys) {
      admin.post(
          "/api/admin/providers/" + provider.getInt("id") + "/keys", "{\"key\":\"" + key + "\"}");
    }
  }

  private static void route(
      AdminClient admin, String match, String provider, String model, String extra) {
    admin.post(
        "/api/admin/routes",
        "{\"match\":\""
            + match
            + "\",\"provider\":\""
            + provider
            + "\""
            + (model == null ? "" : ",\"model\":\"" + model + "\"")
            + extra
            + "}");
  }

  private static int clientKey(
      AdminClient admin, String name, List<String> models, Integer rpm, String expiresAt) {
    String key =
        switch (name) {
          case "it" -> CLIENT_KEY;
          case "limited" -> LIMITED_KEY;
          case "disabled" -> DISABLED_KEY;
          default -> EXPIRED_KEY;
        };
    // Client keys named in clear come in through the configuration file; the API generates them.
    JsonObject created =
        admin.post(
            "/api/admin/client-keys",
            "{\"name\":\""
                + name
                + "\",\"models\":"
                + jsonList(models)
                + (rpm == null ? "" : ",\"rpmLimit\":" + rpm)
                + (expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"")
                + "}");
    KEYS.put(key, created.getString("key"));
    return created.getInt("id");
  }

  /** Fixed names of the tests to the generated keys the relay issued. */
  private static final Map<String, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

  private static String jsonList(List<String> values) {
    return values.stream()
        .map(v -> "\"" + v + "\"")
        .collect(java.util.stream.Collectors.joining(",", "[", "]"));
  }

  private HttpResponse<String> messages(String key, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        http.request("/v1/messages?beta=true").header("content-type", "application/json");
    if (key != null) {
      request.header("x-api-key", KEYS.getOrDefault(key, key));
    }
    headers.forEach(request::header);
    return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> messages(String body) {
    return messages(CLIENT_KEY, body, Map.of());
  }

  private static String body(String model, boolean stream) {
    return "{\"model\":\""
        + model
        + "\",\"max_tokens\":64,\"stream\":"
        + stream
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
  }

  private static final String MESSAGE_JSON =
      "{ \"id\":\"msg_up_1\", \"type\":\"message\",\"role\":\"assistant\",\n  \"model\":\"claude-x\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"h\u00e9llo \u4f60\u597d\"}],\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":11,\"output_tokens\":7,"
          + "\"cache_creation_input_tokens\":3,\"cache_read_input_tokens\":5}}";

  private static List<String> anthropicStream() {
    return List.of(
        "event: message_start\r\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_s\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\",\"content\":[],\"stop_reason\":null,\"usage\":{\"input_tokens\":21,\"output_tokens\":1}}}\r\n\r\n",
        "event: content_block_start\r\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\r\n\r\n: keep-alive\r\n\r\nevent: ping\r\ndata: {\"type\": \"ping\"}\r\n\r\n",
        "event: content_block_delta\r\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"po",
        "ng\"}}\r\n\r\nevent: content_block_stop\r\ndata: {\"type\":\"content_block_stop\",\"index\":0}\r\n\r\n",
        "event: message_delta\r\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":9}}\r\n\r\n",
        "event: message_stop\r\ndata: {\"type\":\"message_stop\"}\r\n\r\n");
  }

  // ---- byte fidelity -----------------------------------------------------------------------

  /**
   * A body handed on leaves the intake's watch list at once, not at its next sweep: the list holds
   * the request, and requests held half a second each were promoted by the garbage collector and
   * cost full collections under load.
   */
  @Test
  void aBodyHandedOnIsNoLongerHeldByTheIntake() {
    upstream.script(r -> json(200, MESSAGE_JSON));
    for (int i = 0; i < 5; i++) {
      assertThat(
              messages(
                      "{\"model\":\"claude-opus-5-5\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              GatewayIT.json(http.get("/health")).getJsonObject("requestBodies").getInt("reading"))
          .isZero();
    }
  }

  @Test
  void forwardsANonStreamAnswerAndTheRequestByteForByte() {
    upstream.script(r -> json(200, MESSAGE_JSON));
    String body =
        "{ \"model\" : \"claude-opus-5-5\", \"max_tokens\": 64,\n \"messages\":[{\"role\":\"user\",\"content\":\"\u00e9\"}],\"metadata\":{\"user_id\":\"u\"} }";

    HttpResponse<String> response =
        messages(
            CLIENT_KEY,
            body,
            Map.of(
                "anthropic-version", "2023-06-01",
                "anthropic-beta", "claude-code-20250219,context-management-2025-06-27",
                "x-app", "cli",
                "Authorization", "Bearer should-not-travel",
                "Cookie", "secret=1"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(MESSAGE_JSON);
    assertThat(response.headers().firstValue("request-id"))
        .hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
    ScriptedUpstream.Received sent = upstream.received().get(0);
    assertThat(sent.target()).isEqualTo("/v1/messages?beta=true");
    assertThat(sent.bodyText()).isEqualTo(body);
    assertThat(sent.header("x-api-key")).isEqualTo("sk-anth-main-000001");
    assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(sent.header("anthropic-beta")).isEqualTo("claude-code-20250219");
    assertThat(sent.header("x-app")).isEqualTo("cli");
    assertThat(sent.header("authorization")).isNull();
    assertThat(sent.header("cookie")).isNull();
  }

  @Test
  void rewritesOnlyTheModelWhenARouteMapsIt() {
    upstream.script(r -> json(200, MESSAGE_JSON));
    String body = body("claude-3-haiku-latest", false);

    assertThat(messages(body).statusCode()).isEqualTo(200);

    assertThat(upstream.received().get(0).bodyText())
        .isEqualTo(body.replace("claude-3-haiku-latest", "claude-haiku-upstream"));
  }

  @Test
  void forwardsAStreamEventByEventWithEveryByteOfEveryEvent() {
    upstream.script(r -> sse(anthropicStream(), 20, true));

    // This client asks for h2c on each new connection; the relay declines, and the stream keeps
    // its type and framing all the same.
    HttpResponse<String> response = messages(body("claude-opus-5-5", true));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    assertThat(response.body()).isEqualTo(String.join("", anthropicStream()));
  }

  /**
   * What the upstream sends at once goes out to the client in one write, but nothing waits for what
   * the upstream has not sent yet: each event reaches the client before the next is sent.
   */
  @Test
  void anEventReachesTheClientBeforeTheUpstreamSendsTheNext() throws Exception {
    upstream.script(r -> sse(anthropicStream(), 400, true)); // six pieces, 400 ms apart
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    long sent = System.nanoTime();
    HttpResponse<java.util.stream.Stream<String>> response =
        client.send(
            HttpRequest.newBuilder(deployment.toURI().resolve("/v1/messages"))
                .header("content-type", "application/json")
                .header("x-api-key", KEYS.get(CLIENT_KEY))
                .POST(HttpRequest.BodyPublishers.ofString(body("claude-opus-5-5", true)))
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    List<Long> arrivals = new java.util.ArrayList<>();
    try (java.util.stream.Stream<String> lines = response.body()) {
      lines
          .filter(line -> line.startsWith("event: "))
          .forEach(line -> arrivals.add((System.nanoTime() - sent) / 1_000_000));
    }
    // message_start (first piece) well before content_block_start (second piece, 400 ms later),
    // and the last event (sixth piece) about 2 s after the first.
    assertThat(arrivals).hasSizeGreaterThanOrEqualTo(6);
    assertThat(arrivals.get(1) - arrivals.get(0)).isGreaterThan(250);
    assertThat(arrivals.get(arrivals.size() - 1) - arrivals.get(0)).isGreaterThan(1500);
  }

  // ---- failover and key state --------------------------------------------------------------

  @Test
  void aRateLimitedKeyCoolsDownAndTheNextKeyServes() {
    upstream.script(
        r ->
            "sk-pool-key-a-00001".equals(r.header("x-api-key"))
                ? json(
                    429,
                    Map.of("retry-after", "30"),
                    "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}")
                : json(200, MESSAGE_JSON));

    HttpResponse<String> first = messages(body("pool-model", false));
    HttpResponse<String> second = messages(body("pool-model", false));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    List<String> keysUsed = upstream.received().stream().map(r -> r.header("x-api-key")).toList();
    assertThat(keysUsed)
        .containsOnlyOnce("sk-pool-key-a-00001")
        .endsWith("sk-pool-key-b-00002", "sk-pool-key-b-00002");
    JsonObject keyA = keyNamed("pool", "sk-pool-key-a-00001");
    assertThat(keyA.getString("status")).isEqualTo("cooling_down");
    Instant until = Instant.parse(keyA.getString("statusUntil"));
    assertThat(until).isBetween(Instant.now().plusSeconds(20), Instant.now().plusSeconds(31));
    assertThat(keyA.getJsonNumber("rateLimited").longValue()).isEqualTo(1);
  }

  @Test
  void aRefusedKeyIsMarkedInvalidAndGetsNoMoreTraffic() {
    upstream.script(
        r ->
            "sk-p401-key-c-0001".equals(r.header("x-api-key"))
                ? json(
                    401,
                    "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}")
                : json(200, MESSAGE_JSON));

    for (int i = 0; i < 4; i++) {
      assertThat(messages(body("pool401-model", false)).statusCode()).isEqualTo(200);
    }

    assertThat(
            upstream.received().stream()
                .filter(r -> "sk-p401-key-c-0001".equals(r.header("x-api-key")))
                .count())
        .isLessThanOrEqualTo(1);
    assertThat(keyNamed("pool401", "sk-p401-key-c-0001").getString("status")).isEqualTo("invalid");
  }

  @Test
  void everyKeyRateLimitedAnswers429WithRetryAfter() {
    upstream.script(
        r ->
            json(
                429,
                Map.of("retry-after", "12"),
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"x\"}}"));

    HttpResponse<String> response = messages(body("limited-model", false));

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("retry-after"))
        .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 12L));
    assertThat(errorType(response)).isEqualTo("rate_limit_error");
    assertThat(response.body()).contains("rate limited");

    // The key rests now: the next request reaches no upstream, and is still the provider's.
    HttpResponse<String> refused = messages(body("limited-model", false));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(529);
    assertThat(refused.headers().firstValue("retry-after")).isPresent();
    assertThat(requestLog(refused, "attempts")).isEqualTo("0");
    assertThat(requestLog(refused, "provider_id")).isEqualTo(providerId("limited"));
    assertThat(requestLog(refused, "key_id")).isNull();
    assertThat(requestLog(refused, "unpriced")).isEqualTo("0");
  }

  @Test
  void neverRetriesTheClientsOwnMistake() {
    String refusal =
        "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"max_tokens: too large\"}}";
    upstream.script(r -> json(400, refusal));

    HttpResponse<String> response = messages(body("claude-opus-5-5", false));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo(refusal);
    assertThat(upstream.received()).hasSize(1);
  }

  @Test
  void anOverloadedOrFailingUpstreamIsRetriedOnTheOtherKeyAndTheClientGetsItsAnswer() {
    for (int status : new int[] {529, 500, 502, 503}) {
      AtomicInteger seen = new AtomicInteger();
      String failure =
          "{\"type\":\"error\",\"error\":{\"type\":\""
              + (status == 529 ? "overloaded_error" : "api_error")
              + "\",\"message\":\"try again\"}}";
      upstream.script(
          r -> seen.getAndIncrement() == 0 ? json(status, failure) : json(200, MESSAGE_JSON));

      HttpResponse<String> response = messages(body("flaky-model", false));

      assertThat(response.statusCode())
          .as("after a %d: %s", status, response.body())
          .isEqualTo(200);
      assertThat(response.body()).isEqualTo(MESSAGE_JSON);
      assertThat(upstream.received().stream().map(r -> r.header("x-api-key")))
          .as("keys tried after a %d", status)
          .containsExactlyInAnyOrder("sk-flaky-key-a-0001", "sk-flaky-key-b-0002");
      assertThat(requestLog(response, "attempts")).as("after a %d", status).isEqualTo("2");
    }
  }

  @Test
  void aKeyWhoseUpstreamSendsNothingWithinTheFirstByteTimeoutGivesWayToTheNextKey() {
    AtomicInteger seen = new AtomicInteger();
    upstream.script(r -> seen.getAndIncrement() == 0 ? silentFor(15_000) : json(200, MESSAGE_JSON));
    long started = System.nanoTime();

    HttpResponse<String> response = messages(body("slow-model", false));

    // The provider waits 1 s for a first byte; the silent upstream would hold it 15 s.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(MESSAGE_JSON);
    assertThat(upstream.received().stream().map(r -> r.header("x-api-key")))
        .containsExactlyInAnyOrder("sk-slow-key-a-00001", "sk-slow-key-b-00002");
    assertThat(requestLog(response, "attempts")).isEqualTo("2");
  }

  @Test
  void whenEveryKeyTimesOutTheClientGetsA504TimeoutErrorSayingHowLongItWaited() {
    upstream.script(r -> silentFor(15_000));
    long started = System.nanoTime();

    HttpResponse<String> response = messages(body("slow-model", false));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertError(response, 504, "timeout_error", "no answer within 1 s");
    assertThat(upstream.received()).hasSize(2);
  }

  @Test
  void fallsBackToTheNextRouteWhenTheFirstCannotBeReached() {
    upstream.script(r -> json(200, MESSAGE_JSON));

    HttpResponse<String> response = messages(body("fallback-model", false));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(upstream.received())
        .singleElement()
        .satisfies(r -> assertThat(r.header("x-api-key")).isEqualTo("sk-spare-key-00001"));
  }

  // ---- streams that go wrong -----------------------------------------------------------------

  @Test
  void anUpstreamDyingMidStreamEndsTheClientsStreamWithAnErrorEventAndNoHalfEvent() {
    List<String> pieces = anthropicStream().subList(0, 3); // ends inside a content_block_delta
    upstream.script(r -> sse(pieces, 10, false));

    HttpResponse<String> response = messages(body("claude-opus-5-5", true));

    List<SseEvent> events = SseStreams.parse(response.body().getBytes(StandardCharsets.UTF_8));
    assertThat(events.get(events.size() - 1).event()).isEqualTo("error");
    assertThat(events.get(events.size() - 1).data()).contains("\"api_error\"");
    assertThat(response.body()).doesNotContain("\"text\":\"po");
    AnthropicStreamGrammar.check(events.stream().filter(e -> e.event() != null).toList());
  }

  @Test
  void aStalledStreamEndsWithAnErrorEventInsteadOfHanging() {
    upstream.script(r -> ScriptedUpstream.stall(anthropicStream().subList(0, 2), 8000));
    long started = System.nanoTime();

    HttpResponse<String> response = messages(body("claude-opus-5-5", true));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    assertThat(response.body()).contains("event: error").contains("stalled");
  }

  @Test
  void aClientThatHangsUpCancelsTheUpstreamAtOnce() throws Exception {
    List<String> slow = new java.util.ArrayList<>(anthropicStream().subList(0, 2));
    for (int i = 0; i < 100; i++) {
      slow.add("event: ping\ndata: {\"type\":\"ping\"}\n\n");
    }
    upstream.script(r -> sse(slow, 100, true));

    // A raw socket, closed as a client process dies: what an HTTP client library does on close
    // (drain, pool, close) is not what is under test.
    String head;
    try (java.net.Socket client = rawMessages(body("claude-opus-5-5", true))) {
      head = new String(client.getInputStream().readNBytes(600), StandardCharsets.ISO_8859_1);
    }
    assertThat(head).startsWith("HTTP/1.1 200").contains("message_start");
    assertThat(upstream.received()).hasSize(1);

    await().atMost(Duration.ofSeconds(3)).until(() -> !upstream.hangUps().isEmpty());
  }

  /**
   * A client gone while a non-stream answer is awaited is heard before the answer comes: the
   * upstream request is given up at once (its next write fails), not when the answer is complete.
   */
  @Test
  void aClientThatHangsUpWhileAnAnswerIsAwaitedCancelsTheUpstream() throws Exception {
    upstream.script(r -> ScriptedUpstream.trickledJson(400, MESSAGE_JSON)); // 9 bytes in 3.6 s
    try (java.net.Socket client = rawMessages(body("claude-opus-5-5", false))) {
      Thread.sleep(300);
    }
    // The answer would be complete after 3.6 s: a hang-up seen only then would never reach it.
    await().atMost(Duration.ofSeconds(4)).until(() -> !upstream.hangUps().isEmpty());
  }

  /**
   * Only an exchange that waited has its connection watched, and such a connection closes after its
   * answer; a quick answer keeps the connection for the client's next request. A watched connection
   * that stayed open could have the next request read into the one ending: on a busy relay, about
   * one large request in two thousand lost its last bytes that way and got a 408 after 10 s.
   */
  @Test
  void aConnectionWatchedForAHangUpClosesAfterItsAnswerAndAQuickOneStaysOpen() throws Exception {
    upstream.script(r -> json(200, MESSAGE_JSON));
    try (java.net.Socket client = rawMessages(body("claude-opus-5-5", false))) {
      String head = responseHead(client);
      assertThat(head).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close");
    }
    upstream.script(r -> ScriptedUpstream.trickledJson(250, MESSAGE_JSON)); // 9 bytes in 2.25 s
    try (java.net.Socket client = rawMessages(body("claude-opus-5-5", false))) {
      String head = responseHead(client);
      assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close");
    }
  }

  /** A whole answer goes out with its length, in one write, not as a chunk and a terminator. */
  @Test
  void aWholeAnswerCarriesItsLength() {
    upstream.script(r -> json(200, MESSAGE_JSON));
    HttpResponse<String> response = messages(body("claude-opus-5-5", false));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-length"))
        .hasValue(Integer.toString(response.body().getBytes(StandardCharsets.UTF_8).length));
    assertThat(response.headers().firstValue("transfer-encoding")).isEmpty();
  }

  /**
   * Clients that stop reading a fast stream hold up nothing but their own upstream: the relay
   * queues what their connections do not take up to Grizzly's bound, then stops reading their
   * upstreams (whose writes stall), while another client's stream goes through at once. Upstream
   * answers are read and written on the upstream client's selector threads, so a write that waited
   * for a stalled client there would stall every answer behind it; four stalled clients cover every
   * selector on a machine of up to eight cores. Once they read again, each gets its whole stream:
   * the relay resumes reading, and the upstream's silence while it waited is not taken for a
   * stalled upstream (the provider's idle bound is 1.5 s, the clients stall for longer).
   */
  @Test
  void clientsThatStopReadingHoldUpOnlyTheirOwnUpstream() throws Exception {
    String text = "z".repeat(32 * 1024);
    String delta =
        "event: content_block_delta\r\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"text_delta\",\"text\":\""
            + text
            + "\"}}\r\n\r\n";
    int deltas = 1_500; // 48 MB each: far more than a stalled client's share of buffers and queue
    List<String> events = anthropicStream();
    String head = events.get(0) + events.get(1);
    String tail = events.get(4) + events.get(5);
    java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
    upstream.script(
        r ->
            r.bodyText().contains("flood-me")
                ? ScriptedUpstream.flood(head, delta, deltas, tail, written)
                : sse(anthropicStream(), 0, true));
    String flood =
        "{\"model\":\"claude-opus-5-5\",\"max_tokens\":64,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"flood-me\"}]}";
    List<java.net.Socket> stalled = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        stalled.add(rawMessages(flood, 4096));
      }
      // The upstreams stop getting rid of bytes: the relay no longer reads them.
      long[] last = {-1};
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(700))
          .until(
              () -> {
                long now = written.get();
                boolean still = now > 0 && now == last[0];
                last[0] = now;
                return still;
              });
      long stalledAt = written.get();
      assertThat(stalledAt).isLessThan(4L * deltas * delta.length() / 2);

      long started = System.nanoTime();
      HttpResponse<String> other = messages(body("claude-opus-5-5", true));
      assertThat(other.statusCode()).isEqualTo(200);
      assertThat(other.body())
          .contains("\"text\":\"po")
          .endsWith("{\"type\":\"message_stop\"}\r\n\r\n");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

      Thread.sleep(2_000); // past the provider's 1.5 s idle bound, still not reading
      assertThat(written.get()).isEqualTo(stalledAt);

      for (java.net.Socket client : stalled) {
        assertThat(responseHead(client)).startsWith("HTTP/1.1 200");
        client.setSoTimeout(20_000);
        String answer =
            new String(
                chunkedBody(new java.io.BufferedInputStream(client.getInputStream())),
                StandardCharsets.UTF_8);
        // Whole: every delta and every byte of text, pings perhaps between them, no error event.
        assertThat(answer.split("text_delta", -1)).hasSize(deltas + 1);
        assertThat(answer.chars().filter(c -> c == 'z').count())
            .isEqualTo((long) deltas * text.length());
        assertThat(answer)
            .endsWith("{\"type\":\"message_stop\"}\r\n\r\n")
            .doesNotContain("\"type\":\"error\"");
      }
    } finally {
      for (java.net.Socket client : stalled) {
        client.close();
      }
    }
  }

  /** Sends a request on a raw socket, as a client process does, and leaves the socket open. */
  private java.net.Socket rawMessages(String json) throws java.io.IOException {
    return rawMessages(json, 0);
  }

  /** The same, with a receive buffer of {@code receiveBuffer} bytes (0: the system's). */
  private java.net.Socket rawMessages(String json, int receiveBuffer) throws java.io.IOException {
    byte[] request = json.getBytes(StandardCharsets.UTF_8);
    java.net.Socket client = new java.net.Socket();
    if (receiveBuffer > 0) {
      client.setReceiveBufferSize(receiveBuffer);
    }
    client.connect(new java.net.InetSocketAddress(deployment.getHost(), deployment.getPort()));
    client
        .getOutputStream()
        .write(
            ("POST /v1/messages HTTP/1.1\r\nHost: "
                    + deployment.getHost()
                    + "\r\ncontent-type: application/json\r\nx-api-key: "
                    + KEYS.get(CLIENT_KEY)
                    + "\r\ncontent-length: "
                    + request.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    client.getOutputStream().write(request);
    client.getOutputStream().flush();
    return client;
  }

  private static String responseHead(java.net.Socket client) throws java.io.IOException {
    client.setSoTimeout(10_000);
    StringBuilder head = new StringBuilder();
    InputStream in = client.getInputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.append((char) b);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    return head.toString();
  }

  /** Reads a chunked body up to its last chunk, without its framing. */
  private static byte[] chunkedBody(InputStream in) throws java.io.IOException {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    while (true) {
      String size = crlfLine(in);
      int length = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
      if (length == 0) {
        crlfLine(in);
        return body.toByteArray();
      }
      body.write(in.readNBytes(length));
      crlfLine(in);
    }
  }

  private static String crlfLine(InputStream in) throws java.io.IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) != '\n') {
      if (b == -1) {
        throw new java.io.EOFException("the answer ended inside its chunked body");
      }
      line.append((char) b);
    }
    return line.toString().strip();
  }

  // ---- bad input ---------------------------------------------------------------------------

  @Test
  void answersEveryBadInputWithTheRightStatusAndAnAnthropicError() {
    assertError(
        messages(CLIENT_KEY, "{\"model\":", Map.of()),
        400,
        "invalid_request_error",
        "not valid JSON");
    assertError(
        messages("{\"messages\":[]}"), 400, "invalid_request_error", "model: field required");
    assertError(
        messages("{\"model\":\"claude-opus-5-5\"}"),
        400,
        "invalid_request_error",
        "messages: field required");
    assertError(
        messages(body("no-such-model", false)),
        404,
        "not_found_error",
        "no route serves 'no-such-model'");
    String huge =
        "{\"model\":\"claude-opus-5-5\",\"messages\":[],\"pad\":\"" + "x".repeat(1_100_000) + "\"}";
    assertError(messages(huge), 413, "request_too_large", "limit");
    assertError(http.get("/v1/messages"), 405, "invalid_request_error", "send POST");
    assertError(
        messages(null, body("claude-opus-5-5", false), Map.of()),
        401,
        "authentication_error",
        "x-api-key");
    assertError(
        messages("rk-unknown-0000000000000000", body("claude-opus-5-5", false), Map.of()),
        401,
        "authentication_error",
        "does not know");
    assertError(
        messages(DISABLED_KEY, body("claude-opus-5-5", false), Map.of()),
        401,
        "authentication_error",
        "disabled");
    assertError(
        messages(EXPIRED_KEY, body("claude-opus-5-5", false), Map.of()),
        401,
        "authentication_error",
        "expired");
    assertError(
        messages(LIMITED_KEY, body("gemini-2.5-pro", false), Map.of()),
        403,
        "permission_error",
        "gemini-2.5-pro");
  }

  @Test
  void aClientKeyOverItsRequestLimitGets429WithRetryAfter() throws InterruptedException {
    upstream.script(r -> json(200, MESSAGE_JSON));
    // The limit counts per clock minute: the three requests must fall in one, or the third passes.
    long intoMinute = System.currentTimeMillis() % 60_000;
    if (intoMinute > 55_000) {
      Thread.sleep(60_000 - intoMinute + 100);
    }
    HttpResponse<String> last = null;
    for (int i = 0; i < 3; i++) {
      last = messages(LIMITED_KEY, body("claude-opus-5-5", false), Map.of());
    }

    assertError(last, 429, "rate_limit_error", "limit");
    assertThat(last.headers().firstValue("retry-after")).isPresent();
  }

  @Test
  void aClientKeyInAnAuthorizationBearerHeaderIsAcceptedAndNeverTravelsUpstream() {
    upstream.script(r -> json(200, MESSAGE_JSON));

    HttpResponse<String> response =
        messages(
            null,
            body("claude-opus-5-5", false),
            Map.of("Authorization", "Bearer " + KEYS.get(CLIENT_KEY)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(MESSAGE_JSON);
    ScriptedUpstream.Received sent = upstream.received().get(0);
    assertThat(sent.header("authorization")).isNull();
    assertThat(sent.header("x-api-key")).isEqualTo("sk-anth-main-000001");
    assertError(
        messages(
            null,
            body("claude-opus-5-5", false),
            Map.of("Authorization", "Bearer rk-unknown-0000000000000000")),
        401,
        "authentication_error",
        "does not know");
  }

  @Test
  void modelsListsExactRoutesClaudeModelsAndAliasesButNeitherPatternsNorOtherModels() {
    AdminClient admin = new AdminClient(http);
    provider(
        admin,
        "listing",
        "anthropic",
        upstream.baseUrl(),
        List.of("sk-listing-key-0001"),
        ",\"models\":[\"lm-claude-listed\",\"lm-gpt-unlisted\"],"
            + "\"modelAliases\":{\"lm-alias\":\"lm-gpt-unlisted\"}");
    route(admin, "lm-exact", "listing", null, "");
    route(admin, "lm-pattern-*", "listing", null, "");
    // A key for lm-* sees this test's models only, whatever the other tests configured.
    String key =
        admin
            .post("/api/admin/client-keys", "{\"name\":\"listing\",\"models\":[\"lm-*\"]}")
            .getString("key");

    HttpResponse<String> models =
        http.send(http.request("/v1/models").header("x-api-key", key).GET());
    HttpResponse<String> everything =
        http.send(
            http.request("/v1/models?limit=1000")
                .header("Authorization", "Bearer " + KEYS.get(CLIENT_KEY))
                .GET());

    assertThat(models.statusCode()).isEqualTo(200);
    assertThat(modelIds(models))
        .containsExactlyInAnyOrder("lm-exact", "lm-claude-listed", "lm-alias");
    assertThat(modelIds(everything))
        .contains("claude-opus-5-5", "deepseek-chat", "lm-exact", "lm-alias")
        .doesNotContain("*haiku*", "gemini-*", "lm-pattern-*", "lm-gpt-unlisted");
  }

  @Test
  void deletingARouteAClientKeyAndThenTheirProviderTakesEachOutOfService() {
    AdminClient admin = new AdminClient(http);
    upstream.script(r -> json(200, MESSAGE_JSON));
    JsonObject provider =
        admin.post(
            "/api/admin/providers",
            "{\"name\":\"doomed\",\"kind\":\"anthropic\",\"baseUrl\":\""
                + upstream.baseUrl()
                + "\"}");
    int providerId = provider.getInt("id");
    admin.post("/api/admin/providers/" + providerId + "/keys", "{\"key\":\"sk-doomed-key-00001\"}");
    int routeId =
        admin
            .post("/api/admin/routes", "{\"match\":\"doomed-model\",\"provider\":\"doomed\"}")
            .getInt("id");
    JsonObject clientKey = admin.post("/api/admin/client-keys", "{\"name\":\"doomed\"}");
    String doomedKey = clientKey.getString("key");
    assertThat(messages(doomedKey, body("doomed-model", false), Map.of()).statusCode())
        .isEqualTo(200);

    assertThat(admin.send("DELETE", "/api/admin/routes/" + routeId, null).statusCode())
        .isEqualTo(204);
    assertError(messages(body("doomed-model", false)), 404, "not_found_error", "no route serves");

    assertThat(
            admin
                .send("DELETE", "/api/admin/client-keys/" + clientKey.getInt("id"), null)
                .statusCode())
        .isEqualTo(204);
    assertError(
        messages(doomedKey, body("claude-opus-5-5", false), Map.of()),
        401,
        "authentication_error",
        "does not know");

    assertThat(admin.send("DELETE", "/api/admin/providers/" + providerId, null).statusCode())
        .isEqualTo(204);
    assertThat(
            admin
                .get("/api/admin/providers")
                .getJsonArray("providers")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(p -> p.getString("name")))
        .doesNotContain("doomed");
    assertThat(admin.send("GET", "/api/admin/providers/" + providerId + "/keys", null).statusCode())
        .isEqualTo(404);
    assertThat(upstream.received())
        .singleElement()
        .satisfies(r -> assertThat(r.header("x-api-key")).isEqualTo("sk-doomed-key-00001"));
  }

  private static void assertError(
      HttpResponse<String> response, int status, String type, String messagePart) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("request-id")).isPresent();
    JsonObject error = GatewayIT.json(response);
    assertThat(error.getString("type")).isEqualTo("error");
    assertThat(error.getJsonObject("error").getString("type")).isEqualTo(type);
    assertThat(error.getJsonObject("error").getString("message")).contains(messagePart);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  // ---- the rest of the client API ------------------------------------------------------------

  @Test
  void answersConnectivityProbesModelsCountTokensAndCors() {
    assertThat(
            http.send(http.request("/").method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            http.send(
                    http.request("/api/hello").method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .statusCode())
        .isEqualTo(200);

    HttpResponse<String> models =
        http.send(
            http.request("/v1/models?limit=1000").header("x-api-key", KEYS.get(CLIENT_KEY)).GET());
    assertThat(models.statusCode()).isEqualTo(200);
    assertThat(models.body()).contains("\"has_more\":false").contains("\"type\":\"model\"");

    upstream.script(r -> json(200, "{\"input_tokens\":42}"));
    HttpResponse<String> count =
        http.send(
            http.request("/v1/messages/count_tokens")
                .header("x-api-key", KEYS.get(CLIENT_KEY))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body("claude-opus-5-5", false))));
    assertThat(count.body()).isEqualTo("{\"input_tokens\":42}");
    assertThat(upstream.received().get(0).target()).isEqualTo("/v1/messages/count_tokens");

    HttpResponse<String> preflight =
        http.send(
            http.request("/v1/messages")
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST")
                .header(
                    "Access-Control-Request-Headers",
                    "x-api-key, anthropic-dangerous-direct-browser-access")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue("*");
    HttpResponse<String> adminPreflight =
        http.send(
            http.request("/api/admin/providers")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(adminPreflight.statusCode()).isEqualTo(403);
    assertThat(adminPreflight.headers().firstValue("access-control-allow-origin")).isEmpty();
  }

  // ---- usage ---------------------------------------------------------------------------------

  @Test
  void recordsUsageAsynchronouslyAndCountsItInMetrics() throws Exception {
    upstream.script(r -> sse(anthropicStream(), 0, true));
    HttpResponse<String> response = messages(body("claude-opus-5-5", true));
    String requestId = response.headers().firstValue("request-id").orElseThrow();

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              try (Connection db = RelayTestEnvironment.openDatabase();
                  Statement sql = db.createStatement();
                  ResultSet row =
                      sql.executeQuery(
                          "SELECT status, input_tokens, output_tokens, stop_reason, attempts, first_byte_ms FROM request_log WHERE request_id = '"
                              + requestId
                              + "'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getInt(1)).isEqualTo(200);
                assertThat(row.getLong(2)).isEqualTo(21);
                assertThat(row.getLong(3)).isEqualTo(9);
                assertThat(row.getString(4)).isEqualTo("end_turn");
                assertThat(row.getInt(5)).isEqualTo(1);
                assertThat(row.getObject(6)).isNotNull();
              }
            });
    HttpResponse<String> metrics = http.get("/metrics?scope=application");
    assertThat(metrics.body())
        .contains("relay_requests_total")
        .contains("provider=\"anth\"")
        .contains("relay_tokens_total");
    // Durations are exported in seconds, as their names say: this request took well under a minute.
    java.util.regex.Matcher max =
        java.util.regex.Pattern.compile(
                "relay_request_duration_seconds_max\\{[^}]*provider=\"anth\"[^}]*\\} (\\S+)")
            .matcher(metrics.body());
    assertThat(max.find()).as(metrics.body()).isTrue();
    assertThat(Double.parseDouble(max.group(1))).isGreaterThan(0).isLessThan(60);
  }

  // ---- translated providers --------------------------------------------------------------------

  @Test
  void relaysToAnOpenAiCompatibleProviderThroughItsTransformer() throws Exception {
    String openAiStream = resource("/upstream/openai.sse");
    upstream.script(r -> sse(List.of(openAiStream), 0, true));

    HttpResponse<String> response = messages(body("deepseek-chat", true));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    ScriptedUpstream.Received sent = upstream.received().get(0);
    assertThat(sent.target()).isEqualTo("/v1/chat/completions");
    assertThat(sent.header("authorization")).isEqualTo("Bearer sk-openai-key-0001");
    assertThat(sent.bodyText()).contains("\"stream_options\"");
    List<SseEvent> events = SseStreams.parse(response.body().getBytes(StandardCharsets.UTF_8));
    AnthropicStreamGrammar.check(events);
    assertThat(response.body()).contains("text_delta");
  }

  @Test
  void aFieldTheOpenAiUpstreamCannotTakeIsNamedInTheDegradedHeaderAndTheRequestLog() {
    upstream.script(r -> json(200, OPENAI_COMPLETION));
    String body =
        "{\"model\":\"deepseek-chat\",\"max_tokens\":64,\"top_k\":5,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    HttpResponse<String> response = messages(body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-relay-degraded"))
        .hasValueSatisfying(v -> assertThat(v).contains("top_k was dropped"));
    assertThat(GatewayIT.json(response).getJsonArray("content").getJsonObject(0).getString("text"))
        .isEqualTo("pong");
    assertThat(upstream.received().get(0).bodyText()).doesNotContain("top_k");
    assertThat(requestLog(response, "degradations")).contains("top_k was dropped");
  }

  @Test
  void countTokensOnAnOpenAiProviderAnswersTheRelaysEstimateWithoutAskingTheUpstream() {
    upstream.script(r -> json(500, "{}"));
    String body = body("deepseek-chat", false);

    HttpResponse<String> count =
        http.send(
            http.request("/v1/messages/count_tokens")
                .header("x-api-key", KEYS.get(CLIENT_KEY))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

    assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
    assertThat(GatewayIT.json(count).getJsonNumber("input_tokens").longValue())
        .isEqualTo(body.getBytes(StandardCharsets.UTF_8).length / 4);
    assertThat(count.headers().firstValue("x-relay-degraded"))
        .hasValueSatisfying(v -> assertThat(v).contains("input_tokens estimated"));
    assertThat(upstream.received()).isEmpty();
  }

  @Test
  void relaysAStreamToAResponsesApiProviderWithTheClaudeCodeSessionAsPromptCacheKey()
      throws Exception {
    String responsesStream = resource("/upstream/openai-responses.sse");
    upstream.script(r -> sse(List.of(responsesStream), 0, true));

    HttpResponse<String> response =
        messages(
            CLIENT_KEY,
            body("gpt-5.1", true),
            Map.of("x-claude-code-session-id", "5f1c7a2e-3b8d-4f60-9a1e-2c4d6e8f0a1b"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    ScriptedUpstream.Received sent = upstream.received().get(0);
    assertThat(sent.target()).isEqualTo("/v1/responses");
    assertThat(sent.header("authorization")).isEqualTo("Bearer sk-oair-key-000001");
    assertThat(sent.bodyText())
        .contains("\"prompt_cache_key\":\"5f1c7a2e-3b8d-4f60-9a1e-2c4d6e8f0a1b\"")
        .contains("\"store\":false")
        .contains("\"input\":[");
    List<SseEvent> events = SseStreams.parse(response.body().getBytes(StandardCharsets.UTF_8));
    AnthropicStreamGrammar.check(events);
    assertThat(response.body())
        .contains("\"signature\":\"openai-responses:rs_")
        .contains("\"stop_reason\":\"tool_use\"")
        .contains("\"cache_read_input_tokens\":20480");
  }

  @Test
  void countTokensOnAResponsesApiProviderAsksItsInputTokensEndpoint() {
    upstream.script(r -> json(200, "{\"object\":\"response.input_tokens\",\"input_tokens\":4321}"));

    HttpResponse<String> count =
        http.send(
            http.request("/v1/messages/count_tokens")
                .header("x-api-key", KEYS.get(CLIENT_KEY))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body("gpt-5.1", false))));

    assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
    assertThat(GatewayIT.json(count).getJsonNumber("input_tokens").longValue()).isEqualTo(4321);
    assertThat(upstream.received().get(0).target()).isEqualTo("/v1/responses/input_tokens");
  }

  @Test
  void relaysToGeminiWithTheKeyInAHeaderNeverInTheUrl() {
    String answer =
        "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"pong\"}]},\"finishReason\":\"STOP\"}],"
            + "\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":1,\"totalTokenCount\":6}}";
    upstream.script(r -> json(200, answer));

    HttpResponse<String> response = messages(body("gemini-2.5-pro", false));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject message = GatewayIT.json(response);
    assertThat(message.getString("type")).isEqualTo("message");
    assertThat(message.getJsonArray("content").getJsonObject(0).getString("text"))
        .isEqualTo("pong");
    ScriptedUpstream.Received sent = upstream.received().get(0);
    assertThat(sent.target()).isEqualTo("/v1beta/models/gemini-2.5-pro:generateContent");
    assertThat(sent.header("x-goog-api-key")).isEqualTo("gm-gemini-key-0001");
  }

  @Test
  void exportsTheConfigurationWithSecretsMasked() {
    AdminClient admin = new AdminClient(http);
    JsonObject export = admin.get("/api/admin/config/export");

    assertThat(export.toString()).doesNotContain("sk-anth-main-000001").doesNotContain(CLIENT_KEY);
    assertThat(
            export.getJsonArray("providers").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("name")))
        .contains("anth", "oai", "gem");
  }

  private String providerId(String name) {
    return new AdminClient(http)
            .get("/api/admin/providers")
            .getJsonArray("providers")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(p -> p.getString("name").equals(name))
            .findFirst()
            .orElseThrow()
            .get("id")
            .toString();
  }

  /** The admin view of a pool's key, found by its mask (prefix and last four characters). */
  private JsonObject keyNamed(String provider, String secret) {
    AdminClient admin = new AdminClient(http);
    String id = providerId(provider);
    return admin
        .get("/api/admin/providers/" + id + "/keys")
        .getJsonArray("keys")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(k -> k.getString("key").endsWith(secret.substring(secret.length() - 4)))
        .filter(
            k ->
                secret.startsWith(
                    k.getString("key").substring(0, k.getString("key").indexOf("..."))))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no key like " + secret + " in " + provider));
  }

  /** A column of the request log's row for a response (written asynchronously, so awaited). */
  private static String requestLog(HttpResponse<String> response, String column) {
    String requestId = response.headers().firstValue("request-id").orElseThrow();
    String[] value = new String[1];
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              try (Connection db = RelayTestEnvironment.openDatabase();
                  java.sql.PreparedStatement select =
                      db.prepareStatement(
                          "SELECT " + column + " FROM request_log WHERE request_id = ?")) {
                select.setString(1, requestId);
                try (ResultSet row = select.executeQuery()) {
                  assertThat(row.next()).as("request %s logged", requestId).isTrue();
                  value[0] = row.getString(1);
                }
              }
            });
    return value[0];
  }

  /** Accepts the request and sends nothing, not even a status line, for {@code millis}. */
  private static ScriptedUpstream.Reply silentFor(long millis) {
    return (out, upstream) -> Thread.sleep(millis);
  }

  private static List<String> modelIds(HttpResponse<String> models) {
    return GatewayIT.json(models).getJsonArray("data").getValuesAs(JsonObject.class).stream()
        .map(m -> m.getString("id"))
        .toList();
  }

  private static final String OPENAI_COMPLETION =
      "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"deepseek-chat\","
          + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"pong\"},"
          + "\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}";

  private static String errorType(HttpResponse<String> response) {
    return GatewayIT.json(response).getJsonObject("error").getString("type");
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = RelayIT.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
