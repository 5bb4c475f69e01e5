package dev.clauderelay.acceptance;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Anthropic upstream in the test JVM: every message answered at once, with usage, except
 * that the keys it is told are rate limited get a 429 asking for ten minutes' rest.
 */
final class FakeAnthropic implements AutoCloseable {

  static final String MESSAGE =
      "{\"id\":\"msg_fake\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-opus-5-5\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"pong\"}],\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":7,\"output_tokens\":3}}";

  static final String RATE_LIMITED =
      "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
          + "\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}";

  private final HttpServer server;
  private final AtomicInteger served = new AtomicInteger();

  FakeAnthropic() throws IOException {
    this(Set.of());
  }

  FakeAnthropic(Set<String> rateLimitedKeys) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    server.createContext(
        "/v1/messages",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          if (rateLimitedKeys.contains(exchange.getRequestHeaders().getFirst("x-api-key"))) {
            byte[] limited = RATE_LIMITED.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.getResponseHeaders().add("retry-after", "600");
            exchange.sendResponseHeaders(429, limited.length);
            exchange.getResponseBody().write(limited);
            exchange.close();
            return;
          }
          byte[] body = MESSAGE.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("content-type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
          served.incrementAndGet();
        });
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int served() {
    return served.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
