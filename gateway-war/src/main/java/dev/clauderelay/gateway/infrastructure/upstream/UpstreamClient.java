package dev.clauderelay.gateway.infrastructure.upstream;

import dev.clauderelay.gateway.infrastructure.concurrent.RelayThreads;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Sends upstream requests with the JDK's HTTP client, asynchronously: no thread waits on an
 * upstream, and a response body arrives as a {@link Flow.Publisher} the caller pulls from at the
 * client's pace. One client per connect timeout (the JDK sets it per client), sharing one executor;
 * connections are kept alive and reused.
 */
@ApplicationScoped
public class UpstreamClient {

  /**
   * Container-managed threads: they carry the application's context (class loader, naming), which
   * Payara needs when they write and complete the client's response. Plain threads made the first
   * responses after a start hang unfinished.
   */
  @Inject private RelayThreads threads;

  private ExecutorService executor;

  @PostConstruct
  void start() {
    executor = threads.executor();
  }

  private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

  /**
   * Sends {@code call}; the future completes when the response headers arrive, fails on connect
   * errors and when the first-byte timeout passes first.
   */
  public CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> send(UpstreamCall call) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(call.uri())
            .timeout(call.firstByteTimeout())
            .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()));
    if ("http".equals(call.uri().getScheme())) {
      // No h2c upgrade dance with plain-HTTP upstreams (local gateways, mocks).
      request.version(HttpClient.Version.HTTP_1_1);
    }
    call.headers().forEach((name, values) -> values.forEach(v -> request.header(name, v)));
    return client(call.connectTimeout())
        .sendAsync(request.build(), HttpResponse.BodyHandlers.ofPublisher());
  }

  /**
   * Sends a GET, such as a key probe's {@code /models}, and reads the whole (small) answer; the
   * future fails on connect errors and when {@code timeout} passes before the answer is complete.
   */
  public CompletableFuture<HttpResponse<byte[]>> get(
      URI uri, Map<String, List<String>> headers, Duration connectTimeout, Duration timeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    if ("http".equals(uri.getScheme())) {
      request.version(HttpClient.Version.HTTP_1_1);
    }
    headers.forEach((name, values) -> values.forEach(v -> request.header(name, v)));
    return client(connectTimeout)
        .sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private HttpClient client(Duration connectTimeout) {
    return clients.computeIfAbsent(
        connectTimeout,
        timeout ->
            HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build());
  }

  /** The managed threads upstream answers are handled on. */
  public java.util.concurrent.Executor executor() {
    return executor;
  }
}
