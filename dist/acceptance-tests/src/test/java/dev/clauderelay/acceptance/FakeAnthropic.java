package dev.clauderelay.acceptance;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Anthropic upstream in the test JVM: every message answered at once (streamed when
 * asked), with usage, except that the keys it is told are rate limited get a 429 asking for ten
 * minutes' rest.
 */
final class FakeAnthropic implements AutoCloseable {

  static final String MESSAGE =
      "{\"id\":\"msg_fake\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-opus-5-5\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"pong\"}],\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":7,\"output_tokens\":3}}";

  static final String RATE_LIMITED =
      "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
          + "\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}";

  static final String STREAM =
      "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_fake\","
          + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-opus-5-5\",\"content\":[],"
          + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":7,"
          + "\"output_tokens\":1}}}\n\n"
          + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
          + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
          + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
          + "\"delta\":{\"type\":\"text_delta\",\"text\":\"pong\"}}\n\n"
          + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
          + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
          + "\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":3}}\n\n"
          + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

  /**
   * A streamed request for this model is answered in two halves, {@link #SLOW_STREAM_PAUSE} apart.
   */
  static final String SLOW_STREAM_MODEL = "claude-slow-stream";

  static final java.time.Duration SLOW_STREAM_PAUSE = java.time.Duration.ofSeconds(3);

  private final HttpServer server;
  private final AtomicInteger slowStreamsStarted = new AtomicInteger();
  private final AtomicInteger served = new AtomicInteger();
  private final java.util.Map<String, AtomicInteger> byKey =
      new java.util.concurrent.ConcurrentHashMap<>();

  FakeAnthropic() throws IOException {
    this(Set.of());
  }

  FakeAnthropic(Set<String> rateLimitedKeys) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    server.createContext(
        "/v1/messages",
        exchange -> {
          String head = headOf(exchange.getRequestBody());
          boolean stream = head.contains("\"stream\":true");
          String presented = exchange.getRequestHeaders().getFirst("x-api-key");
          byKey
              .computeIfAbsent(String.valueOf(presented), k -> new AtomicInteger())
              .incrementAndGet();
          if (rateLimitedKeys.contains(exchange.getRequestHeaders().getFirst("x-api-key"))) {
            byte[] limited = RATE_LIMITED.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.getResponseHeaders().add("retry-after", "600");
            exchange.sendResponseHeaders(429, limited.length);
            exchange.getResponseBody().write(limited);
            exchange.close();
            return;
          }
          if (stream && head.contains(SLOW_STREAM_MODEL)) {
            exchange.getResponseHeaders().add("content-type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            int half = STREAM.indexOf("event: content_block_delta");
            out.write(STREAM.substring(0, half).getBytes(StandardCharsets.UTF_8));
            out.flush();
            slowStreamsStarted.incrementAndGet();
            try {
              Thread.sleep(SLOW_STREAM_PAUSE.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            out.write(STREAM.substring(half).getBytes(StandardCharsets.UTF_8));
            exchange.close();
            served.incrementAndGet();
            return;
          }
          if (stream) {
            byte[] events = STREAM.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "text/event-stream");
            exchange.sendResponseHeaders(200, events.length);
            exchange.getResponseBody().write(events);
            exchange.close();
            served.incrementAndGet();
            return;
          }
          byte[] body = MESSAGE.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("content-type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
          served.incrementAndGet();
        });
    // Requests are served side by side: a large body upstream must not hold up a small one.
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  /**
   * Reads a request body to its end and returns its beginning without spaces (bodies may be tens of
   * megabytes).
   */
  private static String headOf(java.io.InputStream body) throws IOException {
    byte[] head = body.readNBytes(4096);
    body.transferTo(java.io.OutputStream.nullOutputStream());
    return new String(head, StandardCharsets.UTF_8).replace(" ", "");
  }

  /** Streams begun for {@link #SLOW_STREAM_MODEL}, paused halfway now or finished. */
  int slowStreamsStarted() {
    return slowStreamsStarted.get();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int served() {
    return served.get();
  }

  /** Requests that reached this upstream with {@code key}, answered or refused. */
  int received(String key) {
    AtomicInteger count = byKey.get(key);
    return count == null ? 0 : count.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
