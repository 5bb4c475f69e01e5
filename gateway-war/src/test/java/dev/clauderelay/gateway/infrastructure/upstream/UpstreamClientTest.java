package dev.clauderelay.gateway.infrastructure.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.clauderelay.gateway.infrastructure.concurrent.RelayThreads;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The upstream client against a real local HTTP server: bodies pulled chunk by chunk, the timeouts
 * and failures the request path tells apart, and nothing added or kept that the relay did not ask
 * for (cookies, content decoding).
 */
class UpstreamClientTest {

  private static final Duration CONNECT = Duration.ofSeconds(2);

  private HttpServer server;
  private UpstreamClient client;
  private final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    RelayThreads threads = new RelayThreads();
    set(threads, "threads", (ManagedThreadFactory) new PlainThreads());
    invoke(threads, "start");
    client = new UpstreamClient();
    set(client, "threads", threads);
    invoke(client, "start");
  }

  @AfterEach
  void stop() throws Exception {
    invoke(client, "stop");
    server.stop(0);
  }

  @Test
  void aStreamedAnswerArrivesChunkByChunkAsTheReaderAsks() throws Exception {
    server.createContext(
        "/stream",
        exchange -> {
          record(exchange);
          exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
          exchange.getResponseHeaders().add("X-Upstream-Id", "u-1");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 3; i++) {
              out.write(("data: " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
              out.flush();
              sleep(50);
            }
          }
        });

    HttpResponse<Flow.Publisher<List<ByteBuffer>>> response =
        send("/stream", 2000).get(5, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-upstream-id")).contains("u-1");
    assertThat(response.headers().firstValue("content-type")).contains("text/event-stream");
    assertThat(read(response.body())).isEqualTo("data: 0\n\ndata: 1\n\ndata: 2\n\n");
    assertThat(requestHeaders.get(0)).containsEntry("X-test", List.of("yes"));
    assertThat(requestHeaders.get(0)).doesNotContainKeys("Cookie", "Accept-encoding", "User-agent");
  }

  @Test
  void anUpstreamSilentPastTheFirstByteTimeoutFailsWithATimeout() {
    server.createContext(
        "/silent",
        exchange -> {
          sleep(3000);
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });

    long started = System.nanoTime();
    assertThatThrownBy(() -> send("/silent", 300).get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(HttpTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aRefusedConnectionFailsAsAConnectionFailureNotATimeout() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    CompletableFuture<?> sent =
        client.send(
            new UpstreamCall(
                URI.create("http://127.0.0.1:" + closedPort + "/v1/messages"),
                Map.of(),
                new byte[0],
                CONNECT,
                Duration.ofSeconds(5)));
    assertThatThrownBy(() -> sent.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void cookiesAreNeverKeptAndCompressedBodiesStayAsSent() throws Exception {
    byte[] gzipped = gzip("{\"ok\":true}");
    server.createContext(
        "/cookie",
        exchange -> {
          record(exchange);
          exchange.getResponseHeaders().add("Set-Cookie", "session=key-a; Path=/");
          exchange.getResponseHeaders().add("Content-Encoding", "gzip");
          exchange.sendResponseHeaders(200, gzipped.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(gzipped);
          }
        });

    for (int i = 0; i < 2; i++) {
      HttpResponse<Flow.Publisher<List<ByteBuffer>>> response =
          send("/cookie", 2000).get(5, TimeUnit.SECONDS);
      assertThat(readBytes(response.body())).isEqualTo(gzipped);
      assertThat(response.headers().firstValue("content-encoding")).contains("gzip");
    }
    assertThat(requestHeaders).hasSize(2);
    assertThat(requestHeaders.get(1)).doesNotContainKey("Cookie");
  }

  @Test
  void anUpstreamSendingHeadersPastTheBoundFailsTheExchangeInsteadOfBufferingThem() {
    server.createContext(
        "/huge-headers",
        exchange -> {
          record(exchange);
          exchange.getResponseHeaders().add("X-Filler", "a".repeat(200_000));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });

    assertThatThrownBy(() -> send("/huge-headers", 2000).get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
  }

  @Test
  void aProbeReadsTheWholeAnswerWhateverItsStatus() throws Exception {
    server.createContext(
        "/v1/models",
        exchange -> {
          record(exchange);
          byte[] body =
              "{\"error\":{\"type\":\"authentication_error\"}}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(401, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });

    HttpResponse<byte[]> answer =
        client
            .get(
                uri("/v1/models?limit=1"),
                Map.of("x-api-key", List.of("sk-probe")),
                CONNECT,
                Duration.ofSeconds(5))
            .get(5, TimeUnit.SECONDS);
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("authentication_error");
    assertThat(requestHeaders.get(0)).containsEntry("X-api-key", List.of("sk-probe"));
  }

  @Test
  void aProbeOfASilentUpstreamEndsAtItsTimeout() {
    server.createContext(
        "/v1/models",
        exchange -> {
          sleep(3000);
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });

    assertThatThrownBy(
            () ->
                client
                    .get(uri("/v1/models"), Map.of(), CONNECT, Duration.ofMillis(300))
                    .get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(HttpTimeoutException.class);
  }

  // ---- helpers ------------------------------------------------------------------------------

  private CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> send(
      String path, long firstByteMillis) {
    return client.send(
        new UpstreamCall(
            uri(path),
            Map.of("content-type", List.of("application/json"), "x-test", List.of("yes")),
            "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8),
            CONNECT,
            Duration.ofMillis(firstByteMillis)));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private void record(HttpExchange exchange) throws IOException {
    requestHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
    exchange.getRequestBody().readAllBytes();
  }

  private static String read(Flow.Publisher<List<ByteBuffer>> body) throws Exception {
    return new String(readBytes(body), StandardCharsets.UTF_8);
  }

  /** Reads one chunk at a time, asking for the next only after the last was taken. */
  private static byte[] readBytes(Flow.Publisher<List<ByteBuffer>> body) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CountDownLatch done = new CountDownLatch(1);
    Throwable[] failure = new Throwable[1];
    body.subscribe(
        new Flow.Subscriber<>() {
          private Flow.Subscription subscription;

          @Override
          public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
          }

          @Override
          public void onNext(List<ByteBuffer> item) {
            for (ByteBuffer buffer : item) {
              byte[] chunk = new byte[buffer.remaining()];
              buffer.get(chunk);
              bytes.writeBytes(chunk);
            }
            subscription.request(1);
          }

          @Override
          public void onError(Throwable t) {
            failure[0] = t;
            done.countDown();
          }

          @Override
          public void onComplete() {
            done.countDown();
          }
        });
    assertThat(done.await(5, TimeUnit.SECONDS)).as("the body ended").isTrue();
    if (failure[0] != null) {
      throw new AssertionError("the body broke off", failure[0]);
    }
    return bytes.toByteArray();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void set(Object target, String field, Object value) throws Exception {
    Field f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }

  private static void invoke(Object target, String method) throws Exception {
    Method m = target.getClass().getDeclaredMethod(method);
    m.setAccessible(true);
    m.invoke(target);
  }

  /** Plain threads where the container would give managed ones. */
  private static final class PlainThreads implements ManagedThreadFactory {
    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task);
      thread.setDaemon(true);
      return thread;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
      return ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
    }
  }
}
