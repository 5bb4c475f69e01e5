package dev.clauderelay.gateway.it;

import static dev.clauderelay.gateway.it.ScriptedUpstream.json;
import static dev.clauderelay.gateway.it.ScriptedUpstream.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.testkit.AnthropicStreamGrammar;
import dev.clauderelay.plugin.testkit.SseStreams;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Claude Code's late-2026 request shapes through the relay over HTTP, against scripted upstreams:
 * the recorded requests replayed through every upstream kind of {@link #KINDS} (one line adds a
 * kind), each answer through the testkit's stream grammar check; the Anthropic upstream's open beta
 * and version lists and its error bodies; sessions by Claude Code's headers in the request log and
 * the admin API; a known refusal fixed and retried; and {@code /v1/models} as Claude Code asks.
 */
@ExtendWith({RelayTestEnvironment.class, ArquillianExtension.class})
class ClaudeCodeShapesIT {

  /** One upstream kind the replay runs through: its provider, route and streamed answer. */
  record Kind(
      String kind, String pathSuffix, String upstreamModel, String answer, String expectedPath) {}

  /** The replay table: one line per upstream kind. */
  static final List<Kind> KINDS =
      List.of(
          new Kind(
              "anthropic",
              "",
              "claude-opus-5-5",
              "/upstream/anthropic-tool-use.sse",
              "/v1/messages?beta=true"),
          new Kind(
              "openai", "/v1", "deepseek-chat", "/upstream/openai.sse", "/v1/chat/completions"),
          new Kind(
              "gemini",
              "/v1beta",
              "gemini-2.5-pro",
              "/upstream/gemini.sse",
              "/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse"),
          new Kind(
              "openai-responses",
              "/v1",
              "gpt-5.1",
              "/upstream/openai-responses.sse",
              "/v1/responses"));

  /** The recorded (and one synthesized) Claude Code requests replayed through every kind. */
  static final List<String> FIXTURES =
      List.of(
          "/claude-code/01_messages_first_turn_print_mode.json",
          "/claude-code/02_messages_tool_result_turn_print_mode.json",
          "/claude-code/03_messages_bearer_stream_json_verbose.json",
          "/claude-code/late_2026_server_tools_sub_agent.json");

  /** Headers the JDK client sets itself, or that name the recorded run's own key. */
  private static final Set<String> NOT_REPLAYED =
      Set.of(
          "host", "connection", "content-length", "accept-encoding", "x-api-key", "authorization");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ScriptedUpstream upstream;
  private static String clientKey;
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
    for (Kind kind : KINDS) {
      provider(admin, "cc-" + kind.kind(), kind.kind(), upstream.baseUrl() + kind.pathSuffix());
      admin.post(
          "/api/admin/routes",
          "{\"match\":\"cc-"
              + kind.kind()
              + "-model\",\"provider\":\"cc-"
              + kind.kind()
              + "\",\"model\":\""
              + kind.upstreamModel()
              + "\"}");
    }
    provider(admin, "cc-openai-refusing", "openai", upstream.baseUrl() + "/v1");
    admin.post(
        "/api/admin/routes",
        "{\"match\":\"cc-refusal-model\",\"provider\":\"cc-openai-refusing\","
            + "\"model\":\"deepseek-chat\"}");
    admin.post(
        "/api/admin/routes", "{\"match\":\"claude-shapes-5-5\",\"provider\":\"cc-anthropic\"}");
    admin.post(
        "/api/admin/routes",
        "{\"match\":\"anthropic-shapes-legacy\",\"provider\":\"cc-anthropic\"}");
    clientKey =
        admin
            .post("/api/admin/client-keys", "{\"name\":\"claude-code\",\"models\":[\"*\"]}")
            .getString("key");
    configured = true;
  }

  @AfterAll
  static void stopUpstream() throws Exception {
    if (upstream != null) {
      upstream.close();
    }
  }

  private static void provider(AdminClient admin, String name, String kind, String baseUrl) {
    JsonObject provider =
        admin.post(
            "/api/admin/providers",
            "{\"name\":\""
                + name
                + "\",\"kind\":\""
                + kind
                + "\",\"baseUrl\":\""
                + baseUrl
                + "\",\"streamIdleTimeoutMs\":3000,\"firstByteTimeoutMs\":5000}");
    admin.post(
        "/api/admin/providers/" + provider.getInt("id") + "/keys",
        "{\"key\":\"sk-" + name + "-key-000000001\"}");
  }

  // ---- the replay ----------------------------------------------------------------------------

  @Test
  void everyRecordedRequestShapeStreamsAGrammaticalAnswerThroughEveryUpstreamKind()
      throws Exception {
    for (Kind kind : KINDS) {
      String answer = resource(kind.answer());
      for (String fixture : FIXTURES) {
        upstream.script(r -> sse(List.of(answer), 0, true));
        JsonNode recorded = recorded(fixture);
        byte[] body = bodyFor(recorded, "cc-" + kind.kind() + "-model");

        HttpResponse<String> response = replay(recorded, body);

        String label = kind.kind() + " <- " + fixture;
        assertThat(response.statusCode()).as(label + ": " + response.body()).isEqualTo(200);
        AnthropicStreamGrammar.check(
            SseStreams.parse(response.body().getBytes(StandardCharsets.UTF_8)));
        ScriptedUpstream.Received sent = upstream.received().get(0);
        assertThat(sent.target()).as(label).isEqualTo(kind.expectedPath());
        if (kind.kind().equals("anthropic")) {
          // The client's bytes as sent, only the model put back; betas and version as sent.
          assertThat(sent.bodyText())
              .as(label)
              .isEqualTo(
                  new String(body, StandardCharsets.UTF_8)
                      .replace("\"cc-anthropic-model\"", "\"claude-opus-5-5\""));
          assertThat(sent.header("anthropic-beta"))
              .as(label)
              .isEqualTo(header(recorded, "anthropic-beta"));
          assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
          assertThat(sent.header("x-claude-code-session-id")).isNotNull();
        } else {
          assertThat(sent.header("anthropic-beta")).as(label).isNull();
          assertThat(response.headers().firstValue("x-relay-degraded"))
              .as(label)
              .hasValueSatisfying(
                  v -> assertThat(v).contains("context_management was dropped with its beta"));
          // The Responses API is asked for its own reasoning back ("include"); nothing else
          // encrypted may travel.
          assertThat(sent.bodyText().replace("\"reasoning.encrypted_content\"", ""))
              .as(label)
              .doesNotContain("server_tool_use")
              .doesNotContain("web_search_20250305")
              .doesNotContain("encrypted_content")
              .doesNotContain("context_management");
        }
        if (fixture.contains("late_2026")) {
          assertLate2026Translation(kind, response, sent);
        }
      }
    }
  }

  private static void assertLate2026Translation(
      Kind kind, HttpResponse<String> response, ScriptedUpstream.Received sent) {
    switch (kind.kind()) {
      case "openai" ->
          assertThat(sent.bodyText())
              .contains("\"reasoning_effort\":\"high\"")
              .contains("\"thinking\":{\"type\":\"enabled\"}")
              .contains("Web search results:")
              .doesNotContain("EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds");
      case "gemini" ->
          assertThat(sent.bodyText())
              .contains("\"thinkingBudget\":24576")
              .contains("Web search results:")
              .doesNotContain("EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds");
      case "openai-responses" ->
          // Reasoning asked for with the client's effort; Anthropic's signed thinking dropped.
          assertThat(sent.bodyText())
              .contains("\"reasoning\":{\"effort\":\"high\"")
              .doesNotContain("EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds");
      default ->
          // Anthropic: the signature bytes travel untouched (the whole body is compared above).
          assertThat(sent.bodyText())
              .contains("EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds");
    }
    if (kind.kind().equals("openai-responses")) {
      assertThat(response.headers().firstValue("x-relay-degraded")).isPresent();
    } else if (!kind.kind().equals("anthropic")) {
      assertThat(response.headers().firstValue("x-relay-degraded"))
          .hasValueSatisfying(
              v ->
                  assertThat(v)
                      .contains("web_search")
                      .contains("task_budget was dropped with its beta")
                      .contains("web_search_tool_result blocks in the history were sent as text"));
    }
  }

  // ---- Anthropic upstreams: open lists, words unchanged ----------------------------------------

  @Test
  void anUnknownBetaAndANewVersionReachTheAnthropicUpstreamByteExact() {
    upstream.script(r -> sse(List.of(resource("/upstream/anthropic-tool-use.sse")), 0, true));
    String betas = " claude-code-20250219,brand-new-beta-2027-01-01 ,  x-future-thing";
    HttpResponse<String> response =
        http.send(
            http.request("/v1/messages?beta=true")
                .header("x-api-key", clientKey)
                .header("content-type", "application/json")
                .header("anthropic-version", "2027-01-01")
                .header("anthropic-beta", betas)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"claude-shapes-5-5\",\"max_tokens\":5,\"stream\":true,"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    ScriptedUpstream.Received sent = upstream.received().get(0);
    assertThat(sent.header("anthropic-version")).isEqualTo("2027-01-01");
    assertThat(sent.header("anthropic-beta")).isEqualTo(betas.strip());
  }

  @Test
  void anAnthropicUpstreamsErrorBodyReachesTheClientByteIdentical() {
    String refusal =
        "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":"
            + "\"context_management: Extra inputs are not permitted. Did you mean to include the"
            + " beta header `context-management-2025-06-27`?\"},"
            + "\"request_id\":\"req_011CXYZ\"}  \n";
    upstream.script(r -> json(400, refusal));

    HttpResponse<String> response =
        http.send(
            http.request("/v1/messages?beta=true")
                .header("x-api-key", clientKey)
                .header("content-type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"claude-shapes-5-5\",\"max_tokens\":5,"
                            + "\"context_management\":{\"edits\":[]},"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo(refusal);
    assertThat(upstream.received()).hasSize(1);
  }

  // ---- sessions ------------------------------------------------------------------------------

  @Test
  void claudeCodesSessionAndAgentHeadersReachTheRequestLogAndTheSessionsReport() throws Exception {
    upstream.script(r -> sse(List.of(resource("/upstream/anthropic-tool-use.sse")), 0, true));
    String session = UUID.randomUUID().toString();
    Instant from = Instant.now().minusSeconds(60);
    JsonNode recorded = recorded(FIXTURES.get(0));
    byte[] body = bodyFor(recorded, "cc-anthropic-model");

    HttpResponse<String> main = replay(recorded, body, Map.of("X-Claude-Code-Session-Id", session));
    HttpResponse<String> subAgent =
        replay(
            recorded,
            body,
            Map.of(
                "X-Claude-Code-Session-Id", session,
                "X-Claude-Code-Agent-Id", "agent-explore-1",
                "X-Claude-Code-Parent-Agent-Id", "main"));
    // Without the header, the session inside metadata.user_id (a JSON string) names it.
    ObjectNode viaUserId = (ObjectNode) JSON.readTree(body);
    String other = UUID.randomUUID().toString();
    viaUserId
        .putObject("metadata")
        .put(
            "user_id",
            "{\"device_id\":\"00\",\"account_uuid\":\"\",\"session_id\":\"" + other + "\"}");
    HttpResponse<String> byUserId =
        replay(recorded, JSON.writeValueAsBytes(viaUserId), Map.of("X-Claude-Code-Session-Id", ""));

    assertThat(main.statusCode()).isEqualTo(200);
    assertThat(requestLog(main)).containsExactly(session, null, null);
    assertThat(requestLog(subAgent)).containsExactly(session, "agent-explore-1", "main");
    assertThat(requestLog(byUserId)).containsExactly(other, null, null);

    JsonObject report =
        new AdminClient(http)
            .get("/api/admin/usage/sessions?from=" + from + "&to=" + Instant.now().plusSeconds(5));
    JsonObject found = null;
    for (JsonObject candidate : report.getJsonArray("sessions").getValuesAs(JsonObject.class)) {
      if (candidate.getString("sessionId").equals(session)) {
        found = candidate;
      }
    }
    assertThat(found).as(report.toString()).isNotNull();
    assertThat(found.getInt("requests")).isEqualTo(2);
    assertThat(found.getJsonNumber("inputTokens").longValue()).isEqualTo(28);
    JsonArray agents = found.getJsonArray("agents");
    assertThat(agents).hasSize(2);
    assertThat(agents.getJsonObject(0).isNull("agentId")).isTrue();
    assertThat(agents.getJsonObject(1).getString("agentId")).isEqualTo("agent-explore-1");
    assertThat(agents.getJsonObject(1).getString("parentAgentId")).isEqualTo("main");

    HttpResponse<String> badRange =
        new AdminClient(http).send("GET", "/api/admin/usage/sessions?from=yesterday", null);
    assertThat(badRange.statusCode()).isEqualTo(400);
    assertThat(badRange.body()).contains("from");
  }

  // ---- known refusals ------------------------------------------------------------------------

  @Test
  void aKnownRefusalIsFixedRetriedOnceWithTheSameKeyAndDeclared() throws Exception {
    String refusal = resource("/refusals/deepseek-reasoning-effort-without-thinking.json");
    String refusalBody = JSON.readTree(refusal).get("body").toString();
    upstream.script(
        r ->
            r.bodyText().contains("reasoning_effort")
                ? json(400, refusalBody)
                : sse(List.of(resource("/upstream/openai.sse")), 0, true));
    String body =
        "{\"model\":\"cc-refusal-model\",\"max_tokens\":64,\"stream\":true,"
            + "\"thinking\":{\"type\":\"disabled\"},\"output_config\":{\"effort\":\"low\"},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    HttpResponse<String> response =
        http.send(
            http.request("/v1/messages")
                .header("x-api-key", clientKey)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    AnthropicStreamGrammar.check(
        SseStreams.parse(response.body().getBytes(StandardCharsets.UTF_8)));
    List<ScriptedUpstream.Received> sent = upstream.received();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).bodyText()).contains("\"reasoning_effort\":\"low\"");
    assertThat(sent.get(1).bodyText())
        .doesNotContain("reasoning_effort")
        .contains("\"thinking\":{\"type\":\"disabled\"}");
    assertThat(sent.get(1).header("authorization")).isEqualTo(sent.get(0).header("authorization"));
    assertThat(response.headers().firstValue("x-relay-degraded"))
        .hasValueSatisfying(v -> assertThat(v).contains("refused reasoning_effort"));
  }

  @Test
  void aRefusalNoRuleKnowsIsTheClientsAnswerAtOnce() {
    upstream.script(
        r ->
            json(
                400,
                "{\"error\":{\"message\":\"This model's maximum context length is 65536 tokens\","
                    + "\"type\":\"invalid_request_error\"}}"));

    HttpResponse<String> response =
        http.send(
            http.request("/v1/messages")
                .header("x-api-key", clientKey)
                .header("content-type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"cc-refusal-model\",\"max_tokens\":64,"
                            + "\"output_config\":{\"effort\":\"low\"},"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(GatewayIT.json(response).getString("type")).isEqualTo("error");
    assertThat(upstream.received()).hasSize(1);
  }

  // ---- /v1/models as Claude Code asks --------------------------------------------------------

  @Test
  void modelsWithLimit1000AnswersAtOnceWithClaudeIdsForBothCredentialStylesAndPages() {
    for (String style : List.of("x-api-key", "Authorization")) {
      long started = System.nanoTime();
      HttpRequest.Builder request = http.request("/v1/models?limit=1000");
      request.header(style, style.equals("x-api-key") ? clientKey : "Bearer " + clientKey);
      HttpResponse<String> models = http.send(request.GET());
      long millis = (System.nanoTime() - started) / 1_000_000;

      assertThat(models.statusCode()).as(style + ": " + models.body()).isEqualTo(200);
      assertThat(millis).as("answered within Claude Code's 3 s budget").isLessThan(3_000);
      JsonObject page = GatewayIT.json(models);
      List<String> ids =
          page.getJsonArray("data").getValuesAs(JsonObject.class).stream()
              .map(m -> m.getString("id"))
              .toList();
      assertThat(ids).contains("claude-shapes-5-5", "anthropic-shapes-legacy");
      assertThat(ids.stream().filter(id -> id.startsWith("claude") || id.startsWith("anthropic")))
          .isNotEmpty();
      assertThat(page.getBoolean("has_more")).isFalse();
      assertThat(page.getString("first_id")).isEqualTo(ids.get(0));
      assertThat(page.getString("last_id")).isEqualTo(ids.get(ids.size() - 1));
    }

    List<String> all = ids("/v1/models?limit=1000");
    assertThat(all.size()).isGreaterThanOrEqualTo(3);
    JsonObject first = page("/v1/models?limit=2");
    assertThat(first.getBoolean("has_more")).isTrue();
    assertThat(first.getString("first_id")).isEqualTo(all.get(0));
    assertThat(first.getString("last_id")).isEqualTo(all.get(1));
    JsonObject next = page("/v1/models?limit=1000&after_id=" + all.get(1));
    assertThat(next.getString("first_id")).isEqualTo(all.get(2));
    assertThat(next.getBoolean("has_more")).isFalse();
    JsonObject before = page("/v1/models?limit=1&before_id=" + all.get(2));
    assertThat(before.getString("first_id")).isEqualTo(all.get(1));
    assertThat(before.getBoolean("has_more")).isTrue();

    HttpResponse<String> tooMany =
        http.send(http.request("/v1/models?limit=1001").header("x-api-key", clientKey).GET());
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(GatewayIT.json(tooMany).getJsonObject("error").getString("type"))
        .isEqualTo("invalid_request_error");
  }

  private JsonObject page(String path) {
    HttpResponse<String> response =
        http.send(http.request(path).header("x-api-key", clientKey).GET());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return GatewayIT.json(response);
  }

  private List<String> ids(String path) {
    return page(path).getJsonArray("data").getValuesAs(JsonObject.class).stream()
        .map(m -> m.getString("id"))
        .toList();
  }

  // ---- helpers -------------------------------------------------------------------------------

  private HttpResponse<String> replay(JsonNode recorded, byte[] body) {
    return replay(recorded, body, Map.of());
  }

  /** The recorded request with its own headers, this test's key in the recorded style. */
  private HttpResponse<String> replay(JsonNode recorded, byte[] body, Map<String, String> extra) {
    HttpRequest.Builder request =
        http.request(
            recorded.path("path").asText()
                + (recorded.hasNonNull("query") ? "?" + recorded.path("query").asText() : ""));
    boolean bearer = recorded.path("headers").has("Authorization");
    Iterator<Map.Entry<String, JsonNode>> headers = recorded.path("headers").fields();
    while (headers.hasNext()) {
      Map.Entry<String, JsonNode> header = headers.next();
      String name = header.getKey();
      if (NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))
          || containsIgnoringCase(extra, name)) {
        continue;
      }
      request.header(name, header.getValue().asText());
    }
    extra.forEach(
        (name, value) -> {
          if (!value.isEmpty()) {
            request.header(name, value);
          }
        });
    request.header(
        bearer ? "Authorization" : "x-api-key", bearer ? "Bearer " + clientKey : clientKey);
    return http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private static boolean containsIgnoringCase(Map<String, String> map, String name) {
    return map.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(name));
  }

  private static String header(JsonNode recorded, String name) {
    Iterator<Map.Entry<String, JsonNode>> headers = recorded.path("headers").fields();
    while (headers.hasNext()) {
      Map.Entry<String, JsonNode> header = headers.next();
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue().asText();
      }
    }
    return null;
  }

  private static JsonNode recorded(String resource) throws IOException {
    try (InputStream in = ClaudeCodeShapesIT.class.getResourceAsStream(resource)) {
      return JSON.readTree(in);
    }
  }

  private static byte[] bodyFor(JsonNode recorded, String model) throws IOException {
    ObjectNode body = recorded.path("body").deepCopy();
    body.put("model", model);
    return JSON.writeValueAsBytes(body);
  }

  private static String resource(String name) {
    try (InputStream in = ClaudeCodeShapesIT.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
  }

  /** The request's session, agent and parent agent as the request log keeps them. */
  private static List<String> requestLog(HttpResponse<String> response) {
    String requestId = response.headers().firstValue("request-id").orElseThrow();
    List<String> values = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              values.clear();
              try (Connection db = RelayTestEnvironment.openDatabase();
                  PreparedStatement select =
                      db.prepareStatement(
                          "SELECT session_id, agent_id, parent_agent_id FROM request_log"
                              + " WHERE request_id = ?")) {
                select.setString(1, requestId);
                try (ResultSet row = select.executeQuery()) {
                  assertThat(row.next()).as("request %s logged", requestId).isTrue();
                  values.add(row.getString(1));
                  values.add(row.getString(2));
                  values.add(row.getString(3));
                }
              }
            });
    return values;
  }
}
