package dev.clauderelay.acceptance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible upstream that answers chat completions, refusing every fourth with 429, so a
 * pool has traffic, successes and failures for the console's charts.
 */
final class MockOpenAiUpstream implements AutoCloseable {

  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  MockOpenAiUpstream() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/v1/chat/completions", this::complete);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  private void complete(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
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
