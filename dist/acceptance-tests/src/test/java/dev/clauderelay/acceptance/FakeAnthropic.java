package dev.clauderelay.acceptance;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A minimal Anthropic upstream in the test JVM: every message answered at once, with usage. */
final class FakeAnthropic implements AutoCloseable {

  static final String MESSAGE =
      "{\"id\":\"msg_fake\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-opus-5-5\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"pong\"}],\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":7,\"output_tokens\":3}}";

  private final HttpServer server;
  private final AtomicInteger served = new AtomicInteger();

  FakeAnthropic() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    server.createContext(
        "/v1/messages",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
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
