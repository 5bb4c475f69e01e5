package dev.clauderelay.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Claude Code binary through the relay, with a relay client key, against the scripted
 * upstreams of {@code ../shared/claude-code}: an Anthropic one (bytes passed through), an
 * OpenAI-compatible one and a Gemini one that rejects a follow-up without its thought signature
 * (both through the transformer plugins), and an Anthropic one reached with a Claude subscription
 * account signed in over OAuth (it accepts only the account's access token), and an OpenAI
 * Responses API one (this module's {@code mock_openai_responses.py}) that refuses requests without
 * a prompt cache key and tool turns without the reasoning that led to the call. Each passes the
 * harness's {@code pong} and {@code tool} scenarios: a tool call streamed, run, and its result sent
 * back.
 *
 * <p>Needs python3 (the mocks) and Node/npm (the harness installs Claude Code once); skipped with a
 * message when either is missing, and required when {@code RELAY_TEST_REQUIRE_ALL=true} (CI).
 */
class ClaudeCodeIT {

  private static final String CLIENT_KEY = "rk-claude-code-acceptance-0123456789";
  private static final String ADMIN_PASSWORD = "claude-code-admin-pass";
  private static final String OAUTH_ACCESS_TOKEN = "sk-ant-oat01-acceptance-access-token-0001";
  private static final Path HARNESS =
      Path.of(System.getProperty("relay.harness", "../../../shared/claude-code"))
          .toAbsolutePath()
          .normalize();

  private static final List<Process> mocks = new ArrayList<>();
  private static RelayProcess relay;
  private static ClaudeOAuthMock oauth;
  private static Path temp;
  private static Path responsesLog;

  @BeforeAll
  static void startRelayAndMocks() throws Exception {
    requireTool("python3", "--version");
    requireTool("npm", "--version");
    if (!Files.isExecutable(HARNESS.resolve("run-claude-code.sh"))) {
      skipOrFail("the Claude Code harness is not at " + HARNESS + " (set -Drelay.harness)");
    }
    temp = Files.createTempDirectory("relay-claude-code");
    int anthropic = startMock("mock_anthropic.py");
    int openai = startMock("mock_openai.py", "--usage-chunk", "auto");
    int gemini = startMock("mock_gemini.py", "--require-thought-signature", "--with-call-ids");
    responsesLog = temp.resolve("responses.jsonl");
    int responses =
        startScript(
            ResponsesUpstreamIT.MOCK,
            "responses",
            "--require-cache-key",
            "--require-reasoning-back");
    int subscription =
        startNamedMock("mock_anthropic.py", "subscription", "--expect-key", OAUTH_ACCESS_TOKEN);
    oauth = new ClaudeOAuthMock(OAUTH_ACCESS_TOKEN);
    Path config = temp.resolve("relay.json");
    Files.writeString(
        config,
        """
        {"providers": [
           {"name": "anthropic-mock", "kind": "anthropic", "baseUrl": "http://127.0.0.1:%d",
            "keys": ["sk-ant-acceptance-0001"], "models": ["claude-opus-5-5"]},
           {"name": "openai-mock", "kind": "openai", "baseUrl": "http://127.0.0.1:%d/v1",
            "keys": ["sk-openai-acceptance-0001"], "models": ["deepseek-chat"]},
           {"name": "gemini-mock", "kind": "gemini", "baseUrl": "http://127.0.0.1:%d/v1beta",
            "keys": ["gm-gemini-acceptance-0001"], "models": ["gemini-2.5-pro"]},
           {"name": "responses-mock", "kind": "openai-responses",
            "baseUrl": "http://127.0.0.1:%d/v1",
            "keys": ["sk-responses-acceptance-0001"], "models": ["gpt-5.1"]},
           {"name": "claude-subscription", "kind": "anthropic", "baseUrl": "http://127.0.0.1:%d",
            "claudeAccounts": true}],
         "routes": [
           {"match": "deepseek-*", "provider": "openai-mock"},
           {"match": "gemini-*", "provider": "gemini-mock"},
           {"match": "gpt-5*", "provider": "responses-mock"},
           {"match": "claude-subscription-*", "provider": "claude-subscription"}],
         "defaultRoute": {"provider": "anthropic-mock"},
         "clientKeys": [{"name": "claude-code", "key": "%s", "models": ["*"]}]}
        """
            .formatted(anthropic, openai, gemini, responses, subscription, CLIENT_KEY));
    relay =
        RelayProcess.start(
            temp.resolve("data"),
            Map.of(
                "RELAY_CONFIG_FILE",
                config.toString(),
                "RELAY_ADMIN_PASSWORD",
                ADMIN_PASSWORD,
                "RELAY_CLAUDE_OAUTH_TOKEN_URL",
                oauth.tokenUrl()));
    assertThat(relay.awaitReady(Duration.ofSeconds(120))).as(relay.output()).isTrue();
    signInSubscriptionAccount();
  }

  /** What an admin does: create an OAuth account, open the authorize URL, paste the code back. */
  private static void signInSubscriptionAccount() {
    String admin = Http.signIn(relay.baseUrl(), ADMIN_PASSWORD);
    String accounts = relay.baseUrl() + "/api/admin/claude-accounts";
    HttpResponse<String> created =
        Http.post(accounts, admin, "{\"name\":\"subscription\",\"authType\":\"oauth\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = Http.json(created).get("id").asText();
    HttpResponse<String> started = Http.post(accounts + "/" + id + "/auth", admin, "{}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    Map<String, String> query = new HashMap<>();
    for (String pair :
        URI.create(Http.json(started).get("authorizeUrl").asText()).getRawQuery().split("&")) {
      String[] parts = pair.split("=", 2);
      query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
    }
    oauth.expectChallenge(query.get("code_challenge"));
    HttpResponse<String> signedIn =
        Http.post(
            accounts + "/" + id + "/auth",
            admin,
            "{\"code\":\"" + ClaudeOAuthMock.CODE + "#" + query.get("state") + "\"}");
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    assertThat(Http.json(signedIn).get("status").asText()).isEqualTo("active");
  }

  @AfterAll
  static void stopAll() throws Exception {
    if (relay != null) {
      relay.close();
    }
    if (oauth != null) {
      oauth.close();
    }
    for (Process mock : mocks) {
      mock.destroy();
      mock.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void claudeCodeWorksThroughTheRelayAgainstAnAnthropicUpstream() throws Exception {
    assertPasses(runClaudeCode("claude-opus-5-5"));
  }

  @Test
  void claudeCodeWorksThroughTheRelayOnAnOpenAiCompatibleProvider() throws Exception {
    assertPasses(runClaudeCode("deepseek-chat"));
  }

  @Test
  void claudeCodeWorksThroughTheRelayOnGeminiWithThoughtSignaturesCarried() throws Exception {
    assertPasses(runClaudeCode("gemini-2.5-pro"));
  }

  @Test
  void claudeCodeWorksThroughTheRelayOnAResponsesApiProviderWithReasoningCarried()
      throws Exception {
    assertPasses(runClaudeCode("gpt-5.1"));
    List<JsonNode> sent = new ArrayList<>();
    for (String line : Files.readAllLines(responsesLog)) {
      JsonNode record = Http.json(line);
      if (record.path("path").asText().equals("/v1/responses")) {
        sent.add(record);
      }
    }
    assertThat(sent).as("requests reached the Responses API mock").isNotEmpty();
    assertThat(sent)
        .as("no request was refused")
        .allSatisfy(r -> assertThat(r.at("/reply/status").asInt()).isEqualTo(200));
    assertThat(sent)
        .as("every turn carried the session as prompt_cache_key")
        .allSatisfy(r -> assertThat(r.at("/body/prompt_cache_key").asText()).isNotBlank());
    assertThat(sent)
        .as("the tool turn's reasoning came back with the tool result")
        .anySatisfy(
            r -> {
              assertThat(r.at("/reply/label").asText()).isEqualTo("done");
              assertThat(r.at("/reply/reasoning_sent_back")).isNotEmpty();
            });
  }

  @Test
  void claudeCodeWorksThroughTheRelayWithAClaudeSubscriptionAccount() throws Exception {
    assertPasses(runClaudeCode("claude-subscription-sonnet"));
  }

  private static void assertPasses(String output) {
    assertThat(output).contains("PASS").doesNotContain("FAIL");
  }

  private static String runClaudeCode(String model) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(HARNESS.resolve("run-claude-code.sh").toString(), relay.baseUrl(), "all")
            .redirectErrorStream(true);
    builder.environment().put("CC_API_KEY", CLIENT_KEY);
    builder.environment().put("CC_MODEL", model);
    builder.environment().put("CC_TIMEOUT", "180");
    Process run = builder.start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean done = run.waitFor(10, TimeUnit.MINUTES);
    assertThat(done).as("harness finished").isTrue();
    assertThat(run.exitValue())
        .as("harness for %s:\n%s\nrelay:\n%s", model, output, tail(relay.output()))
        .isZero();
    return output;
  }

  private static int startMock(String script, String... options)
      throws IOException, InterruptedException {
    return startNamedMock(script, script, options);
  }

  private static int startNamedMock(String script, String name, String... options)
      throws IOException, InterruptedException {
    return startScript(HARNESS.resolve(script), name, options);
  }

  private static int startScript(Path script, String name, String... options)
      throws IOException, InterruptedException {
    Path portFile = temp.resolve(name + ".port");
    List<String> command =
        new ArrayList<>(
            List.of(
                "python3",
                script.toString(),
                "--port",
                "0",
                "--port-file",
                portFile.toString(),
                "--log",
                temp.resolve(name + ".jsonl").toString()));
    command.addAll(List.of(options));
    Process mock =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve(name + ".out").toFile())
            .start();
    mocks.add(mock);
    for (int i = 0;
        i < 100 && !(Files.exists(portFile) && !Files.readString(portFile).isBlank());
        i++) {
      Thread.sleep(100);
    }
    return Integer.parseInt(Files.readString(portFile).strip());
  }

  private static void requireTool(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      if (process.waitFor() == 0) {
        return;
      }
    } catch (IOException | InterruptedException missing) {
      // reported below
    }
    skipOrFail(command[0] + " is not installed: the Claude Code end-to-end tests need it");
  }

  private static void skipOrFail(String message) {
    if ("true".equals(System.getenv("RELAY_TEST_REQUIRE_ALL"))) {
      throw new AssertionError(message);
    }
    Assumptions.abort(message);
  }

  private static String tail(String text) {
    return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
  }
}
