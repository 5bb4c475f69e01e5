package dev.clauderelay.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken upstreams cannot take the relay down: the built relay, started once, against {@link
 * MisbehavingAnthropic}. A 50 MB SSE event, an answer that stalls after its headers, a stream that
 * never ends, 200s whose body is not a message; and client input the relay must refuse itself (a
 * malformed query, a non-boolean {@code stream}). While a broken upstream holds a request, an
 * ordinary request through the same relay still answers in under a second.
 */
class BrokenUpstreamIT {

  private static final String CLIENT_KEY = "rk-broken-upstream-0123456789";
  private static final String ADMIN_PASSWORD = "broken-upstream-admin-pass";
  private static final String HELLO =
      ",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path temp;
  private static MisbehavingAnthropic upstream;
  private static RelayProcess relay;

  @BeforeAll
  static void startRelayAgainstTheMisbehavingUpstream() throws Exception {
    upstream = new MisbehavingAnthropic();
    Path config = temp.resolve("relay.json");
    Files.writeString(
        config,
        """
        {"providers": [
           {"name": "healthy", "kind": "anthropic", "baseUrl": "%1$s",
            "keys": ["sk-ant-healthy-000001"]},
           {"name": "broken", "kind": "anthropic", "baseUrl": "%1$s",
            "keys": ["sk-ant-broken-a-00001", "sk-ant-broken-b-00002"]},
           {"name": "stalling", "kind": "anthropic", "baseUrl": "%1$s",
            "keys": ["sk-ant-stall-a-000001", "sk-ant-stall-b-000002"],
            "streamIdleTimeoutMs": 1500},
           {"name": "trickling", "kind": "anthropic", "baseUrl": "%1$s",
            "keys": ["sk-ant-trickle-00001"], "totalTimeoutMs": 3000}],
         "routes": [
           {"match": "broken-*", "provider": "broken"},
           {"match": "stall-*", "provider": "stalling"},
           {"match": "trickle", "provider": "trickling"}],
         "defaultRoute": {"provider": "healthy"},
         "clientKeys": [{"name": "broken-upstream", "key": "%2$s", "models": ["*"]}]}
        """
            .formatted(upstream.baseUrl(), CLIENT_KEY));
    relay =
        RelayProcess.start(
            temp.resolve("data"),
            Map.of("RELAY_CONFIG_FILE", config.toString(), "RELAY_ADMIN_PASSWORD", ADMIN_PASSWORD));
    assertThat(relay.awaitReady(Duration.ofSeconds(120))).as(relay.output()).isTrue();
    // Warm: the one-second bound below is for a broken upstream's effect, not a cold start's.
    for (int i = 0; i < 5; i++) {
      assertThat(message("claude-x", false).statusCode()).isEqualTo(200);
      assertThat(message("claude-x", true).statusCode()).isEqualTo(200);
    }
  }

  @AfterAll
  static void stopAll() throws Exception {
    if (relay != null) {
      relay.close();
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  @Test
  void aFiftyMegabyteEventEndsTheStreamWithAnErrorQuicklyAndTheRelayStaysHealthy()
      throws Exception {
    long started = System.nanoTime();
    CompletableFuture<HttpResponse<String>> giant = sendAsync("giant", true);
    assertThat(upstream.giantHalfway.await(20, TimeUnit.SECONDS))
        .as("the upstream is 4 MiB into its event")
        .isTrue();
    try {
      assertOrdinaryRequestAnswersWithinASecond();
    } finally {
      upstream.giantMayGoOn.countDown();
    }
    HttpResponse<String> response = giant.get(30, TimeUnit.SECONDS);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(200);
    String body = response.body();
    assertThat(body.length()).as("nothing of the giant event reaches the client").isLessThan(4096);
    assertThat(body).startsWith("event: message_start\n").contains("event: content_block_start\n");
    String lastEvent = body.substring(body.lastIndexOf("event: "));
    assertThat(lastEvent)
        .startsWith("event: error\n")
        .contains("\"type\":\"api_error\"")
        .contains("larger than 8 MiB");
    assertThat(millis).as("ms until the client's stream ended").isLessThan(10_000);
    assertThat(upstream.giantCancelled.await(10, TimeUnit.SECONDS))
        .as("the relay closed the upstream's connection")
        .isTrue();
    assertThat(upstream.giantBytesWritten.get())
        .isLessThan(MisbehavingAnthropic.GIANT_EVENT_BYTES / 2);
    JsonNode health = Http.json(Http.get(relay.baseUrl() + "/health"));
    assertThat(health.get("status").asText()).isEqualTo("ok");
    assertOrdinaryRequestAnswersWithinASecond();
  }

  @Test
  void aNonStreamAnswerThatStallsAfterItsHeadersIsTriedOnAnotherKeyThenAnswered504()
      throws Exception {
    upstream.stallStarted = new java.util.concurrent.CountDownLatch(1);
    long started = System.nanoTime();
    CompletableFuture<HttpResponse<String>> stalled = sendAsync("stall-always", false);
    assertThat(upstream.stallStarted.await(20, TimeUnit.SECONDS)).isTrue();
    assertOrdinaryRequestAnswersWithinASecond();
    HttpResponse<String> response = stalled.get(30, TimeUnit.SECONDS);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
    assertAnthropicError(response, "timeout_error");
    assertThat(Http.json(response).at("/error/message").asText()).contains("stalled");
    assertThat(upstream.keys("stall-always")).as("both keys tried").hasSize(2);
    // Two stalls of 1.5 s, each seen within the watchdog's second.
    assertThat(millis).isLessThan(10_000);
    assertThat(upstream.stallsCancelled.get()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aStallBeforeAnyByteReachedTheClientIsAnsweredByTheNextKey() {
    HttpResponse<String> response = message("stall-once", false);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Http.json(response).get("type").asText()).isEqualTo("message");
    assertThat(upstream.keys("stall-once")).hasSize(2);
  }

  @Test
  void aStreamThatNeverEndsIsEndedAtTheProvidersTotalBound() throws Exception {
    long started = System.nanoTime();
    CompletableFuture<HttpResponse<String>> trickle = sendAsync("trickle", true);
    Thread.sleep(1000);
    assertOrdinaryRequestAnswersWithinASecond();
    HttpResponse<String> response = trickle.get(30, TimeUnit.SECONDS);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(200);
    String body = response.body();
    assertThat(body).startsWith("event: message_start\n").contains("event: ping\n");
    assertThat(body.substring(body.lastIndexOf("event: ")))
        .startsWith("event: error\n")
        .contains("\"type\":\"timeout_error\"");
    assertThat(millis).isBetween(2_500L, 10_000L);
    String admin = Http.signIn(relay.baseUrl(), ADMIN_PASSWORD);
    assertThat(Http.get(relay.baseUrl() + "/api/admin/config/export", admin).body())
        .as("the bound is a provider setting like the other timeouts")
        .contains("\"totalTimeoutMs\":3000");
  }

  @Test
  void aSuccessWhoseBodyIsNotAMessageIsA502ApiErrorAfterTryingTheOtherKey() {
    for (String model :
        new String[] {"broken-html", "broken-garbage", "broken-truncated", "broken-empty"}) {
      HttpResponse<String> response = message(model, false);

      assertThat(response.statusCode()).as(model + ": " + response.body()).isEqualTo(502);
      assertThat(response.headers().firstValue("content-type").orElse(""))
          .startsWith("application/json");
      assertAnthropicError(response, "api_error");
      assertThat(upstream.keys(model)).as(model + ": both keys tried").hasSize(2);
    }
  }

  @Test
  void aMalformedQueryIsRefusedWith400BeforeAnyUpstreamCallAndLeavesNoStackTrace()
      throws Exception {
    int logBefore = relay.output().length();
    int upstreamBefore = upstream.requests("claude-x");
    SoftAssertions softly = new SoftAssertions(); // the log is checked even when a status is wrong
    for (String query : new String[] {"a=%zz", "a={b}", "a=|", "a=%22x\"", "a=<>"}) {
      RawResponse response = rawPost("/v1/messages?" + query, "{\"model\":\"claude-x\"" + HELLO);

      softly.assertThat(response.status).as(query + ": " + response.body).isEqualTo(400);
      softly
          .assertThat(response.body)
          .as(query)
          .contains("\"type\":\"error\"")
          .contains("\"invalid_request_error\"")
          .contains("The query string is malformed");
    }
    softly
        .assertThat(rawPost("/v1/messages?beta=true", "{\"model\":\"claude-x\"" + HELLO).status)
        .isEqualTo(200);
    Thread.sleep(1000); // the log is written asynchronously
    String log = relay.output().substring(logBefore);
    softly.assertThat(log).as("the relay's log").doesNotContain("SEVERE").doesNotContain("\tat ");
    softly.assertThat(upstream.requests("claude-x")).isEqualTo(upstreamBefore + 1);
    softly.assertAll();
  }

  @Test
  void aStreamFieldThatIsNotABooleanIsRefusedWith400NamingIt() {
    int upstreamBefore = upstream.requests("claude-x");
    HttpResponse<String> response =
        Http.send(
            HttpRequest.newBuilder(URI.create(relay.baseUrl() + "/v1/messages"))
                .header("x-api-key", CLIENT_KEY)
                .header("content-type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"claude-x\",\"stream\":\"yes\"" + HELLO)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertAnthropicError(response, "invalid_request_error");
    assertThat(Http.json(response).at("/error/message").asText()).startsWith("stream:");
    assertThat(upstream.requests("claude-x")).isEqualTo(upstreamBefore);
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static void assertOrdinaryRequestAnswersWithinASecond() {
    long started = System.nanoTime();
    HttpResponse<String> response = message("claude-x", false);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Http.json(response).get("type").asText()).isEqualTo("message");
    assertThat(millis).as("ms for an ordinary request meanwhile").isLessThan(1_000);
  }

  private static void assertAnthropicError(HttpResponse<String> response, String type) {
    JsonNode error = Http.json(response);
    assertThat(error.get("type").asText()).isEqualTo("error");
    assertThat(error.at("/error/type").asText()).isEqualTo(type);
    assertThat(error.at("/error/message").asText()).isNotBlank();
  }

  private static HttpRequest request(String model, boolean stream) {
    return HttpRequest.newBuilder(URI.create(relay.baseUrl() + "/v1/messages"))
        .header("x-api-key", CLIENT_KEY)
        .header("content-type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"model\":\"" + model + "\",\"stream\":" + stream + HELLO))
        .build();
  }

  private static HttpResponse<String> message(String model, boolean stream) {
    try {
      return CLIENT.send(request(model, stream), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static CompletableFuture<HttpResponse<String>> sendAsync(String model, boolean stream) {
    return CLIENT.sendAsync(request(model, stream), HttpResponse.BodyHandlers.ofString());
  }

  /** A status and body read off a raw socket. */
  private record RawResponse(int status, String body) {}

  /**
   * A POST written byte for byte: the JDK's client refuses to send the characters a broken client
   * puts in a query, so this writes the request line itself.
   */
  private static RawResponse rawPost(String target, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), relay.port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + target
                  + " HTTP/1.1\r\nhost: 127.0.0.1:"
                  + relay.port
                  + "\r\nx-api-key: "
                  + CLIENT_KEY
                  + "\r\ncontent-type: application/json\r\ncontent-length: "
                  + body.length
                  + "\r\nconnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(answer.substring(9, 12));
      int headEnd = answer.indexOf("\r\n\r\n");
      return new RawResponse(status, headEnd < 0 ? "" : answer.substring(headEnd + 4));
    }
  }
}
