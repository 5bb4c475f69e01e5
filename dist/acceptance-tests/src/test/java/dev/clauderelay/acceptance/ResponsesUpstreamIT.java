package dev.clauderelay.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built relay in front of a scripted OpenAI Responses API upstream ({@code
 * mock_openai_responses.py}, as strict as the real API about unknown parameters, reasoning items
 * and their encrypted content), used over plain HTTP as any Anthropic client would: a whole answer,
 * a streamed tool call whose thinking block carries the upstream's reasoning into the next turn,
 * token counting, and a forged reasoning signature the upstream refuses. The mock refuses any
 * request without {@code prompt_cache_key}, and any tool continuation that leaves out the reasoning
 * item that led to the call.
 *
 * <p>Needs python3; skipped with a message when it is missing, required when {@code
 * RELAY_TEST_REQUIRE_ALL=true}.
 */
class ResponsesUpstreamIT {

  static final Path MOCK =
      Path.of("src/test/resources/claude-code/mock_openai_responses.py").toAbsolutePath();
  private static final String CLIENT_KEY = "rk-responses-acceptance-0123456789";
  private static final String SESSION = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6";

  private static Process mock;
  private static RelayProcess relay;
  private static Path temp;
  private static Path mockLog;

  @BeforeAll
  static void startRelayAndMock() throws Exception {
    try {
      if (new ProcessBuilder("python3", "--version").start().waitFor() != 0) {
        skipOrFail("python3 does not run");
      }
    } catch (IOException missing) {
      skipOrFail("python3 is not installed: the Responses API mock needs it");
    }
    temp = Files.createTempDirectory("relay-responses");
    mockLog = temp.resolve("responses.jsonl");
    Path portFile = temp.resolve("responses.port");
    mock =
        new ProcessBuilder(
                "python3",
                MOCK.toString(),
                "--port",
                "0",
                "--port-file",
                portFile.toString(),
                "--log",
                mockLog.toString(),
                "--expect-key",
                "sk-responses-acceptance-0001",
                "--require-cache-key",
                "--require-reasoning-back")
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("responses.out").toFile())
            .start();
    int port = awaitPort(portFile);
    Path config = temp.resolve("relay.json");
    Files.writeString(
        config,
        """
        {"providers": [
           {"name": "responses-mock", "kind": "openai-responses",
            "baseUrl": "http://127.0.0.1:%d/v1",
            "keys": ["sk-responses-acceptance-0001"], "models": ["gpt-5.1"]}],
         "defaultRoute": {"provider": "responses-mock"},
         "clientKeys": [{"name": "responses", "key": "%s", "models": ["*"]}]}
        """
            .formatted(port, CLIENT_KEY));
    relay =
        RelayProcess.start(
            temp.resolve("data"),
            Map.of("RELAY_CONFIG_FILE", config.toString(), "RELAY_ADMIN_PASSWORD", "resp-admin"));
    // Four engineers share two cores: the relay may take minutes to start.
    assertThat(relay.awaitReady(Duration.ofSeconds(300))).as(relay.output()).isTrue();
  }

  @AfterAll
  static void stopAll() throws Exception {
    if (relay != null) {
      relay.close();
    }
    if (mock != null) {
      mock.destroy();
      mock.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aWholeAnswerComesBackInAnthropicShapeWithCachedTokensApart() {
    HttpResponse<String> response =
        messages(
            "{\"model\":\"gpt-5.1\",\"max_tokens\":256,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Say pong.\"}]}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode message = Http.json(response);
    assertThat(message.path("type").asText()).isEqualTo("message");
    assertThat(message.path("model").asText()).isEqualTo("gpt-5.1");
    assertThat(message.path("content").path(0).path("text").asText()).isEqualTo("pong");
    assertThat(message.path("stop_reason").asText()).isEqualTo("end_turn");
    assertThat(message.path("usage").path("cache_read_input_tokens").asLong()).isPositive();
    JsonNode sent = lastLogged("/v1/responses");
    assertThat(sent.at("/body/prompt_cache_key").asText()).isEqualTo(SESSION);
    assertThat(sent.at("/body/store").asBoolean(true)).isFalse();
  }

  @Test
  void aStreamedToolCallsReasoningTravelsBackWithTheToolResult() {
    String tools =
        "\"tools\":[{\"name\":\"Bash\",\"description\":\"Runs a command\",\"input_schema\":"
            + "{\"type\":\"object\",\"properties\":{\"command\":{\"type\":\"string\"}},"
            + "\"required\":[\"command\"]}}]";
    String firstTurn =
        "{\"role\":\"user\",\"content\":\"RUN_TOOL: run echo harness-ok > marker.txt\"}";
    HttpResponse<String> first =
        messages(
            "{\"model\":\"gpt-5.1\",\"max_tokens\":2048,\"stream\":true,"
                + "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024},"
                + tools
                + ",\"messages\":["
                + firstTurn
                + "]}");

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    ArrayNode blocks = assemble(first.body());
    assertThat(blocks).hasSize(2);
    assertThat(blocks.get(0).path("type").asText()).isEqualTo("thinking");
    assertThat(blocks.get(0).path("signature").asText()).startsWith("openai-responses:rs_");
    assertThat(blocks.get(0).path("thinking").asText()).contains("Following the script");
    assertThat(blocks.get(1).path("type").asText()).isEqualTo("tool_use");
    assertThat(blocks.get(1).path("input").path("command").asText())
        .isEqualTo("echo harness-ok > marker.txt");
    assertThat(first.body()).contains("\"stop_reason\":\"tool_use\"");

    String callId = blocks.get(1).path("id").asText();
    HttpResponse<String> second =
        messages(
            "{\"model\":\"gpt-5.1\",\"max_tokens\":2048,\"stream\":true,"
                + "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024},"
                + tools
                + ",\"messages\":["
                + firstTurn
                + ",{\"role\":\"assistant\",\"content\":"
                + blocks
                + "},{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\""
                + callId
                + "\",\"content\":\"harness-ok\"}]}]}");

    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    assertThat(second.body()).doesNotContain("event: error");
    ArrayNode answer = assemble(second.body());
    assertThat(answer.get(answer.size() - 1).path("text").asText()).isEqualTo("DONE: harness-ok");
    JsonNode sent = lastLogged("/v1/responses");
    assertThat(sent.at("/reply/reasoning_sent_back").toString())
        .contains(blocks.get(0).path("signature").asText().split(":")[1]);
  }

  @Test
  void aForgedReasoningSignatureIsRefusedByTheUpstreamAndAnsweredInAnthropicShape() {
    HttpResponse<String> response =
        messages(
            "{\"model\":\"gpt-5.1\",\"max_tokens\":256,\"messages\":["
                + "{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"x\","
                + "\"signature\":\"openai-responses:rs_forged:gAAAAABforged\"},"
                + "{\"type\":\"text\",\"text\":\"hello\"}]},"
                + "{\"role\":\"user\",\"content\":\"again\"}]}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = Http.json(response);
    assertThat(error.path("type").asText()).isEqualTo("error");
    assertThat(error.at("/error/type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.at("/error/message").asText()).contains("could not be verified");
  }

  @Test
  void countTokensIsAnsweredByTheUpstreamsInputTokensEndpoint() {
    HttpResponse<String> response =
        send(
            "/v1/messages/count_tokens",
            "{\"model\":\"gpt-5.1\",\"messages\":[{\"role\":\"user\",\"content\":\"Say pong.\"}]}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Http.json(response).path("input_tokens").asLong()).isPositive();
    assertThat(lastLogged("/v1/responses/input_tokens").at("/reply/status").asInt()).isEqualTo(200);
  }

  private static HttpResponse<String> messages(String body) {
    return send("/v1/messages", body);
  }

  private static HttpResponse<String> send(String path, String body) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(relay.baseUrl() + path))
            .header("x-api-key", CLIENT_KEY)
            .header("content-type", "application/json")
            .header("anthropic-version", "2023-06-01")
            .header("x-claude-code-session-id", SESSION)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The content blocks an Anthropic client builds from a stream's events. */
  static ArrayNode assemble(String stream) {
    ArrayNode blocks = Http.JSON.createArrayNode();
    for (String line : stream.split("\n")) {
      if (!line.startsWith("data: ")) {
        continue;
      }
      JsonNode data = Http.json(line.substring(6));
      switch (data.path("type").asText()) {
        case "content_block_start" -> blocks.add(data.get("content_block").deepCopy());
        case "content_block_delta" -> {
          ObjectNode block = (ObjectNode) blocks.get(data.path("index").asInt());
          JsonNode delta = data.get("delta");
          switch (delta.path("type").asText()) {
            case "text_delta" -> append(block, "text", delta.path("text").asText());
            case "thinking_delta" -> append(block, "thinking", delta.path("thinking").asText());
            case "signature_delta" -> block.put("signature", delta.path("signature").asText());
            case "input_json_delta" ->
                append(block, "partial", delta.path("partial_json").asText());
            default -> throw new AssertionError("unexpected delta " + delta);
          }
        }
        case "content_block_stop" -> {
          ObjectNode block = (ObjectNode) blocks.get(data.path("index").asInt());
          if (block.has("partial")) {
            block.set("input", Http.json(block.remove("partial").asText()));
          }
        }
        default -> {
          // message events carry no content
        }
      }
    }
    return blocks;
  }

  private static void append(ObjectNode block, String field, String text) {
    block.put(field, block.path(field).asText("") + text);
  }

  private static JsonNode lastLogged(String path) {
    try {
      List<JsonNode> matching = new ArrayList<>();
      for (String line : Files.readAllLines(mockLog)) {
        JsonNode record = Http.json(line);
        if (record.path("path").asText().equals(path)) {
          matching.add(record);
        }
      }
      assertThat(matching).as("requests to " + path).isNotEmpty();
      return matching.get(matching.size() - 1);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static int awaitPort(Path portFile) throws Exception {
    for (int i = 0; i < 100; i++) {
      if (Files.exists(portFile) && !Files.readString(portFile).isBlank()) {
        return Integer.parseInt(Files.readString(portFile).strip());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the Responses API mock did not start");
  }

  private static void skipOrFail(String message) {
    if ("true".equals(System.getenv("RELAY_TEST_REQUIRE_ALL"))) {
      throw new AssertionError(message);
    }
    Assumptions.abort(message);
  }
}
