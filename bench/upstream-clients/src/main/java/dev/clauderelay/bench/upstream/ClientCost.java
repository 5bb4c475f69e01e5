package dev.clauderelay.bench.upstream;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;

import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * What one upstream exchange costs in CPU with each HTTP client the relay could use, under the
 * relay's own constraint: the answer is handled (and written to a client that may read slowly) on
 * the application's threads, never on a client's selector or reactor thread.
 *
 * <p>Closed loop: {@code concurrency} exchanges in flight, each followed at once by the next. The
 * figure is this JVM's CPU time (all threads: the client's, the handlers', GC and JIT) per completed
 * exchange, measured after a warm-up.
 *
 * <p>Usage: {@code ClientCost <jdk|hc5|jetty> <url> <body file> <concurrency> <seconds> <warm-up
 * seconds>}; prints one JSON line.
 */
public final class ClientCost {

  /** One way of sending a POST and reading its whole answer as chunks arrive. */
  interface Driver extends AutoCloseable {
    void exchange(Runnable done);
  }

  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  private void failed(Throwable error) {
    if (failures.getAndIncrement() < 3) {
      error.printStackTrace();
    }
  }

  public static void main(String[] args) throws Exception {
    String client = args[0];
    URI uri = URI.create(args[1]);
    byte[] body = Files.readAllBytes(Path.of(args[2]));
    int concurrency = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    int warmup = Integer.parseInt(args[5]);
    new ClientCost().run(client, uri, body, concurrency, seconds, warmup);
    System.exit(0);
  }

  private void run(String client, URI uri, byte[] body, int concurrency, int seconds, int warmup)
      throws Exception {
    try (Driver driver =
        switch (client) {
          case "jdk" -> new Jdk(uri, body);
          case "hc5" -> new Hc5(uri, body);
          case "jetty" -> new Jetty(uri, body);
          default -> throw new IllegalArgumentException("client: jdk, hc5 or jetty");
        }) {
      loop(driver, concurrency, warmup);
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      long done = loop(driver, concurrency, seconds);
      long wall = System.nanoTime() - t0;
      long cpu = os.getProcessCpuTime() - cpu0;
      System.out.printf(
          "{\"client\":\"%s\",\"concurrency\":%d,\"exchanges\":%d,\"per_second\":%.0f,"
              + "\"cpu_us_per_exchange\":%.1f,\"threads\":%d,\"bytes\":%d,\"failures\":%d}%n",
          client,
          concurrency,
          done,
          done * 1e9 / wall,
          cpu / 1e3 / done,
          Thread.activeCount(),
          bytes.get(),
          failures.get());
    }
  }

  /** Runs the closed loop for {@code seconds}; returns the exchanges completed. */
  private long loop(Driver driver, int concurrency, int seconds) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong completed = new AtomicLong();
    CountDownLatch drained = new CountDownLatch(concurrency);
    for (int i = 0; i < concurrency; i++) {
      Runnable[] next = new Runnable[1];
      next[0] =
          () -> {
            if (stop.get()) {
              drained.countDown();
              return;
            }
            driver.exchange(
                () -> {
                  completed.incrementAndGet();
                  next[0].run();
                });
          };
      handlers.execute(next[0]);
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    if (!drained.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("exchanges did not finish");
    }
    return completed.get();
  }

  /** The relay's client today: the JDK's, its steps on the handlers, the body pulled chunk by chunk. */
  private final class Jdk implements Driver {
    private final java.net.http.HttpClient client =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(handlers)
            .build();
    private final URI uri;
    private final byte[] body;

    Jdk(URI uri, byte[] body) {
      this.uri = uri;
      this.body = body;
    }

    @Override
    public void exchange(Runnable done) {
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(60))
              .header("content-type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      client
          .sendAsync(request, HttpResponse.BodyHandlers.ofPublisher())
          .whenCompleteAsync(
              (response, error) -> {
                if (error != null) {
                  failed(error);
                  done.run();
                  return;
                }
                response.body().subscribe(new Reader(done));
              },
              handlers);
    }

    @Override
    public void close() {}
  }

  private final class Reader implements Flow.Subscriber<List<ByteBuffer>> {
    private final Runnable done;
    private Flow.Subscription subscription;

    Reader(Runnable done) {
      this.done = done;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      for (ByteBuffer b : item) {
        bytes.addAndGet(b.remaining());
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
      failed(t);
      done.run();
    }

    @Override
    public void onComplete() {
      done.run();
    }
  }

  /**
   * Apache HttpClient 5, async: one I/O reactor thread parses; each chunk of the answer is handed
   * to the handlers (one hand-over per chunk, as a client write may block), and the next read is
   * allowed once the handler has taken it.
   */
  private final class Hc5 implements Driver {
    private final CloseableHttpAsyncClient client;
    private final URI uri;
    private final byte[] body;

    Hc5(URI uri, byte[] body) {
      this.uri = uri;
      this.body = body;
      client =
          HttpAsyncClients.custom()
              .setIOReactorConfig(
                  IOReactorConfig.custom()
                      .setIoThreadCount(1)
                      .setSoTimeout(Timeout.ofSeconds(60))
                      .build())
              .setConnectionManager(
                  PoolingAsyncClientConnectionManagerBuilder.create()
                      .setMaxConnPerRoute(1000)
                      .setMaxConnTotal(1000)
                      .build())
              .disableAutomaticRetries()
              .disableRedirectHandling()
              .disableCookieManagement()
              .build();
      client.start();
    }

    @Override
    public void exchange(Runnable done) {
      AsyncRequestProducer request =
          AsyncRequestBuilder.post(uri)
              .setEntity(body, ContentType.APPLICATION_JSON)
              .build();
      client.execute(
          request,
          new AbstractBinResponseConsumer<Void>() {
            @Override
            protected void start(org.apache.hc.core5.http.HttpResponse response, ContentType contentType) {}

            @Override
            protected int capacityIncrement() {
              return 64 * 1024;
            }

            @Override
            protected void data(ByteBuffer src, boolean endOfStream) {
              int n = src.remaining();
              src.position(src.limit());
              handlers.execute(
                  () -> {
                    bytes.addAndGet(n);
                    if (endOfStream) {
                      done.run();
                    }
                  });
            }

            @Override
            protected Void buildResult() {
              return null;
            }

            @Override
            public void releaseResources() {}
          },
          new FutureCallback<Void>() {
            @Override
            public void completed(Void result) {}

            @Override
            public void failed(Exception ex) {
              ClientCost.this.failed(ex);
              done.run();
            }

            @Override
            public void cancelled() {}
          });
    }

    @Override
    public void close() throws Exception {
      client.close();
    }
  }

  /**
   * Jetty 12's client on a thread pool of its own: its callbacks run on pool threads that may
   * block (the relay would give it container-managed threads), so no further hand-over.
   */
  private final class Jetty implements Driver {
    private final org.eclipse.jetty.client.HttpClient client = new org.eclipse.jetty.client.HttpClient();
    private final URI uri;
    private final byte[] body;

    Jetty(URI uri, byte[] body) throws Exception {
      this.uri = uri;
      this.body = body;
      QueuedThreadPool pool = new QueuedThreadPool(200, 4);
      pool.setName("jetty-client");
      client.setExecutor(pool);
      client.setMaxConnectionsPerDestination(1000);
      client.setFollowRedirects(false);
      client.start();
    }

    @Override
    public void exchange(Runnable done) {
      client
          .newRequest(uri)
          .method("POST")
          .timeout(60, TimeUnit.SECONDS)
          .body(new BytesRequestContent("application/json", body))
          .onResponseContent((Response response, ByteBuffer content) -> bytes.addAndGet(content.remaining()))
          .send(
              result -> {
                if (result.isFailed()) {
                  failed(result.getFailure());
                }
                done.run();
              });
    }

    @Override
    public void close() throws Exception {
      client.stop();
    }
  }
}
