package dev.clauderelay.gateway.infrastructure.upstream;

import dev.clauderelay.gateway.infrastructure.concurrent.RelayThreads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Sends upstream requests with Jetty's HTTP client, asynchronously: no thread waits on an upstream,
 * and a response body arrives as a {@link Flow.Publisher} the caller pulls from at the client's
 * pace. Connections are kept alive and reused; one client per connect timeout (Jetty sets it per
 * client), all on one pool of the relay's own threads.
 *
 * <p>Why not the JDK's client: it moves every step of an exchange to another thread, and each
 * hand-over is a wake-up and a context switch. Measured side by side (bench/upstream-clients), one
 * small exchange cost about 115 us of CPU with the JDK's client and 25 us with Jetty's, whose
 * callbacks run on the thread that read the bytes.
 *
 * <p>That thread is the selector itself: what runs in a callback must never wait, or every upstream
 * read behind it waits too. The relay's own steps do not (a client write that could wait is handed
 * to a container thread); what callers chain on a {@link #get}'s answer is run on the relay's
 * threads.
 *
 * <p>What the client does on its own is switched off: no cookies (one key's session must never
 * reach another key's request), no redirects, no authentication or 100-continue handling, no
 * content decoding (a passthrough answer's bytes go to the client as the upstream sent them), no
 * user agent of its own.
 */
@ApplicationScoped
public class UpstreamClient {

  private static final Logger LOG = Logger.getLogger(UpstreamClient.class.getName());

  /** Requests in flight to one upstream; the JDK's client had no such limit. */
  private static final int CONNECTIONS_PER_UPSTREAM = 16_384;

  /** The most an upstream's response headers may take together. */
  private static final int MAX_RESPONSE_HEADER_BYTES = 64 * 1024;

  /** What a key probe's answer may hold. */
  private static final int PROBE_ANSWER_BYTES = 2 * 1024 * 1024;

  /** Idle pooled connections close after this. */
  private static final long IDLE_CONNECTION_MILLIS = 120_000;

  /**
   * An exchange's own idle bound: the relay's watchdog holds streams to their providers' bounds,
   * this only ends what nothing else would.
   */
  private static final long EXCHANGE_IDLE_MILLIS = TimeUnit.HOURS.toMillis(6);

  /**
   * Container-managed threads: they carry the application's context (class loader, naming), which
   * Payara needs when they write and complete the client's response.
   */
  @Inject private RelayThreads threads;

  private QueuedThreadPool pool;
  private Scheduler timers;
  private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

  @PostConstruct
  void start() {
    pool =
        new QueuedThreadPool(Integer.MAX_VALUE, 4, 60_000, -1, null, null, threads.threadFactory());
    pool.setName("relay-upstream");
    timers = new ScheduledExecutorScheduler("relay-upstream-timers", true);
    try {
      pool.start();
      timers.start();
    } catch (Exception e) {
      throw new IllegalStateException("The upstream client's threads did not start", e);
    }
  }

  @PreDestroy
  void stop() {
    for (HttpClient client : clients.values()) {
      stopQuietly(client);
    }
    stopQuietly(timers);
    stopQuietly(pool);
  }

  /**
   * Sends {@code call}; the future completes when the response headers arrive, fails on connect
   * errors and with an {@link HttpTimeoutException} when the first-byte timeout passes first.
   * Cancelling the future aborts the exchange.
   */
  public CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> send(UpstreamCall call) {
    CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> answered =
        new CompletableFuture<>();
    Request request =
        client(call.connectTimeout())
            .newRequest(call.uri())
            .method("POST")
            .idleTimeout(EXCHANGE_IDLE_MILLIS, TimeUnit.MILLISECONDS)
            .headers(
                fields ->
                    call.headers()
                        .forEach((name, values) -> values.forEach(v -> fields.add(name, v))))
            .body(new BytesRequestContent(call.body()));
    ResponseBody body =
        new ResponseBody(() -> request.abort(new CancellationException("body no longer read")));
    Scheduler.Task firstByte =
        timers.schedule(
            () ->
                request.abort(
                    new HttpTimeoutException(
                        "no response headers within "
                            + call.firstByteTimeout().toMillis()
                            + " ms")),
            call.firstByteTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
    request
        .onResponseHeaders(
            response -> {
              firstByte.cancel();
              answered.complete(
                  new UpstreamResponse<>(
                      call.uri(),
                      response.getStatus(),
                      UpstreamResponse.headers(response.getHeaders()),
                      body));
            })
        .onResponseContentSource((response, source) -> body.attach(source));
    answered.whenComplete(
        (response, error) -> {
          if (error instanceof CancellationException) {
            request.abort(error);
          }
        });
    request.send(
        (Result result) -> {
          firstByte.cancel();
          Throwable failure = result.getFailure();
          if (!answered.isDone()) {
            answered.completeExceptionally(
                failure == null
                    ? new IOException("the exchange ended without response headers")
                    : failure instanceof SocketTimeoutException
                            || failure instanceof TimeoutException
                        ? new HttpConnectTimeoutException(
                            "no connection within " + call.connectTimeout().toMillis() + " ms")
                        : failure);
          }
          body.finish(failure);
        });
    return answered;
  }

  /**
   * Sends a GET, such as a key probe's {@code /models}, and reads the whole (small) answer; the
   * future fails on connect errors and when {@code timeout} passes before the answer is complete.
   */
  public CompletableFuture<HttpResponse<byte[]>> get(
      URI uri, Map<String, List<String>> headers, Duration connectTimeout, Duration timeout) {
    CompletableFuture<HttpResponse<byte[]>> answer = new CompletableFuture<>();
    client(connectTimeout)
        .newRequest(uri)
        .method("GET")
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .headers(
            fields -> headers.forEach((name, values) -> values.forEach(v -> fields.add(name, v))))
        .send(
            new BufferingResponseListener(PROBE_ANSWER_BYTES) {
              @Override
              public void onComplete(Result result) {
                // Off the selector: a caller may chain work that waits (a probe's verdict saved).
                if (result.isFailed()) {
                  Throwable failure = result.getFailure();
                  pool.execute(
                      () ->
                          answer.completeExceptionally(
                              failure instanceof TimeoutException
                                  ? new HttpTimeoutException(failure.getMessage())
                                  : failure));
                  return;
                }
                UpstreamResponse<byte[]> answered =
                    new UpstreamResponse<>(
                        uri,
                        result.getResponse().getStatus(),
                        UpstreamResponse.headers(result.getResponse().getHeaders()),
                        getContent());
                pool.execute(() -> answer.complete(answered));
              }
            });
    return answer;
  }

  private HttpClient client(Duration connectTimeout) {
    return clients.computeIfAbsent(connectTimeout, this::newClient);
  }

  private HttpClient newClient(Duration connectTimeout) {
    HttpClient client = new HttpClient();
    client.setExecutor(pool);
    client.setScheduler(timers);
    client.setConnectTimeout(connectTimeout.toMillis());
    client.setIdleTimeout(IDLE_CONNECTION_MILLIS);
    client.setFollowRedirects(false);
    client.setHttpCookieStore(new HttpCookieStore.Empty());
    client.setUserAgentField(null);
    client.setMaxConnectionsPerDestination(CONNECTIONS_PER_UPSTREAM);
    client.setMaxRequestsQueuedPerDestination(CONNECTIONS_PER_UPSTREAM);
    // Room for large upstream headers (rate-limit families) and for long credentials, and no more:
    // Jetty reads response headers of any size unless told (the JDK client stopped at 384 KB).
    client.setRequestBufferSize(64 * 1024);
    client.setResponseBufferSize(64 * 1024);
    client.setMaxResponseHeadersSize(MAX_RESPONSE_HEADER_BYTES);
    // The relay's callbacks never wait (a write that could wait on a client goes to a thread of its
    // own, see ServletClientChannel), so Jetty runs them on the selector that read the bytes rather
    // than waking another thread for each read: half the CPU of a paced stream (bench/RESULTS.md).
    client.getHttpClientTransport().setInvocationType(Invocable.InvocationType.NON_BLOCKING);
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("The upstream client did not start", e);
    }
    // After the start, which installs the defaults: gzip decoding, redirects, authentication
    // challenges (a 401 without WWW-Authenticate would become a "protocol violation"),
    // 100-continue.
    client.getContentDecoderFactories().clear();
    client.getProtocolHandlers().clear();
    return client;
  }

  /**
   * Runs a follow-up step: at once on the thread that read the upstream's bytes (one of the relay's
   * own), on the relay's threads otherwise (a timer's thread).
   */
  public Executor executor() {
    return threads.inPlace();
  }

  private static void stopQuietly(org.eclipse.jetty.util.component.LifeCycle component) {
    try {
      component.stop();
    } catch (Exception e) {
      LOG.log(Level.FINE, "Stopping the upstream client", e);
    }
  }
}
