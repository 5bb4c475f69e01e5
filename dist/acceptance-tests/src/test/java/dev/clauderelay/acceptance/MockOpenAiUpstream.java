package dev.clauderelay.acceptance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible upstream that answers chat completions, refusing every fourth with 429, so a
 * pool has traffic, successes and failures for the console's charts; and answers the model list the
 * relay probes keys with. It refuses (401) every key with {@code refused} in it until told to
 * accept every key, so a key test and a maintenance run have something to find.
 */
final class MockOpenAiUpstream implements AutoCloseable {

  /** A key this upstream refuses until {@link #acceptEveryKey()}. */
  static final String REFUSED_KEY = "sk-refused-by-mock-000009";

  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicBoolean refusing = new AtomicBoolean(true);

  MockOpenAiUpstream() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/v1/chat/completions", this::complete);
    server.createContext("/v1/models", this::models);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** From now on the upstream accepts the refused key too (it was paid for, say). */
  void acceptEveryKey() {
    refusing.set(false);
  }

  private boolean refuses(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("authorization");
    return refusing.get() && authorization != null && authorization.contains("refused");
  }

  private void models(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    if (refuses(exchange)) {
      refuse(exchange);
      return;
    }
    answer(
        exchange,
        200,
        "{\"object\":\"list\",\"data\":[{\"id\":\"mock-chat\",\"object\":\"model\"}]}");
  }

  private void complete(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    if (refuses(exchange)) {
      refuse(exchange);
      return;
    }
    int n = requests.incrementAndGet();
    if (n % 4 == 0) {
      answer(
          exchange,
          429,
          "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_error\"}}");
      return;
    }
    answer(
        exchange,
        200,
        "{\"id\":\"chatcmpl-"
            + n
            + "\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"mock-chat\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"pong\"},"
            + "\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":30,\"total_tokens\":150}}");
  }

  private static void refuse(HttpExchange exchange) throws IOException {
    answer(
        exchange,
        401,
        "{\"error\":{\"message\":\"Incorrect API key provided\","
            + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("content-type", "application/json");
    if (status == 429) {
      exchange.getResponseHeaders().add("retry-after", "1");
    }
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
