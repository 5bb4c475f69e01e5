package dev.clauderelay.gateway.interfaces.intake;

import dev.clauderelay.gateway.application.relay.ErrorBodies;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * One request body, read as the client sends it without holding a thread: the container calls back
 * when bytes arrive, and between two calls the request costs only its buffer. The body is bounded
 * while it is read: its size (413 as soon as it would pass the limit, declared or not), the memory
 * all bodies share ({@link BodyBudget}, 529 when spent), and time ({@link #check}, 408 for a body
 * that stalls or trickles). The finished body goes to the {@link Receiver} once, on a container
 * thread.
 *
 * <p>The budget holds a body's bytes {@value #HELD_COPIES} times over until the request completes:
 * the relay keeps the bytes read, the bytes sent upstream and, for a translated provider, the
 * parsed tree while the request is served.
 */
public final class BodyRead implements ReadListener, AsyncListener {

  /** Receives a body read whole. */
  public interface Receiver {
    void received(byte[] body);
  }

  static final int HELD_COPIES = 3;

  private static final Logger LOG = Logger.getLogger(BodyRead.class.getName());
  private static final int FIRST_BUFFER = 16 * 1024;
  private static final byte[] EMPTY = new byte[0];

  private final AsyncContext async;
  private final ServletInputStream in;
  private final HttpServletResponse response;
  private final BodyRules rules;
  private final BodyBudget budget;
  private final Receiver receiver;
  private final String requestId;
  private final long startedNanos;

  private byte[] buffer;
  private boolean chunked;
  private int size;
  private long reserved;
  private long lastProgressNanos;
  private boolean over;
  private byte[] discard;

  BodyRead(
      AsyncContext async,
      ServletInputStream in,
      HttpServletResponse response,
      BodyRules rules,
      BodyBudget budget,
      Receiver receiver,
      String requestId,
      long nowNanos) {
    this.async = async;
    this.in = in;
    this.response = response;
    this.rules = rules;
    this.budget = budget;
    this.receiver = receiver;
    this.requestId = requestId;
    this.startedNanos = nowNanos;
    this.lastProgressNanos = nowNanos;
  }

  /**
   * Starts reading; the receiver may be called before this returns (the whole body often arrives
   * with the headers).
   *
   * @param declaredLength the Content-Length, or -1 for a chunked body
   */
  void start(long declaredLength) throws IOException {
    async.addListener(this);
    if (declaredLength == 0) {
      synchronized (this) {
        over = true;
      }
      deliver(EMPTY);
      return;
    }
    synchronized (this) {
      if (declaredLength > rules.maxBytes()) {
        refuse(tooLarge(), false);
        return;
      }
      int initial = declaredLength >= 0 ? (int) declaredLength : FIRST_BUFFER;
      if (!reserveFor(initial)) {
        refuse(budgetSpent(), false);
        return;
      }
      chunked = declaredLength < 0;
      buffer = new byte[initial];
    }
    in.setReadListener(this);
  }

  @Override
  public void onDataAvailable() throws IOException {
    boolean finished = false;
    synchronized (this) {
      if (over) {
        drop();
        return;
      }
      while (!finished && in.isReady()) {
        if (size == buffer.length && !grow()) {
          return; // only a chunked body grows; a declared one is done when its length is in
        }
        int read = in.read(buffer, size, buffer.length - size);
        if (read < 0) {
          finished = true;
        } else if (read > 0) {
          size += read;
          lastProgressNanos = System.nanoTime();
          finished = !chunked && size == buffer.length;
        }
      }
      finished = finished && !over;
    }
    if (finished) {
      onAllDataRead(); // at once, rather than on another thread after the container notices
    }
  }

  @Override
  public void onAllDataRead() {
    byte[] body;
    synchronized (this) {
      if (over) {
        return;
      }
      over = true;
      body = size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
      buffer = null;
    }
    deliver(body);
  }

  /**
   * Hands the body on. A failure there is the relay's bug: logged, and the client answered, since
   * the container would otherwise swallow it and leave the request open.
   */
  private void deliver(byte[] body) {
    try {
      receiver.received(body);
    } catch (RuntimeException | Error e) {
      LOG.log(java.util.logging.Level.SEVERE, "Request " + requestId + " failed", e);
      synchronized (this) {
        over = false;
        refuse(
            new GatewayError(
                ErrorType.API,
                "The relay failed to handle the request (request " + requestId + ")."),
            false);
      }
    }
  }

  /** The connection failed or closed while the body was arriving: nobody is left to answer. */
  @Override
  public void onError(Throwable failure) {
    synchronized (this) {
      if (over) {
        return;
      }
      over = true;
      buffer = null;
    }
    LOG.fine(() -> "Request " + requestId + ": the body stopped arriving (" + failure + ")");
    release();
    complete();
  }

  /**
   * The sweep's check of a body still arriving.
   *
   * @return whether the body is still being read
   */
  boolean check(long nowNanos) {
    synchronized (this) {
      if (over) {
        return false;
      }
      long elapsed = nowNanos - startedNanos;
      String why = null;
      if (nowNanos - lastProgressNanos > rules.idleTimeout().toNanos()) {
        why = "no byte of it arrived for " + rules.idleTimeout().toSeconds() + " s";
      } else if (elapsed > rules.maxDuration().toNanos()) {
        why = "it took longer than " + rules.maxDuration().toSeconds() + " s";
      } else if (elapsed > rules.grace().toNanos()
          && size * 1_000_000_000L < rules.minBytesPerSecond() * elapsed) {
        why = "it arrived slower than " + rules.minBytesPerSecond() + " bytes a second";
      }
      if (why == null) {
        return true;
      }
      LOG.info("Request " + requestId + ": body refused after " + size + " bytes, " + why + ".");
      refuse(
          new GatewayError(
              ErrorType.TIMEOUT,
              408,
              "The request body was not received in time: " + why + ". Send it at once."),
          true);
      return false;
    }
  }

  /** Gives back the body's share of the budget; once, whoever calls first. */
  public synchronized void release() {
    budget.release(reserved);
    reserved = 0;
  }

  @Override
  public void onComplete(AsyncEvent event) {
    release();
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    release();
  }

  @Override
  public void onError(AsyncEvent event) {
    release();
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    event.getAsyncContext().addListener(this); // stay registered across a dispatch
  }

  private boolean grow() {
    if (buffer.length >= rules.maxBytes()) {
      refuse(tooLarge(), false);
      return false;
    }
    int next = (int) Math.min(rules.maxBytes(), Math.max(FIRST_BUFFER, buffer.length * 2L));
    if (!reserveFor(next)) {
      refuse(budgetSpent(), false);
      return false;
    }
    buffer = Arrays.copyOf(buffer, next);
    return true;
  }

  /** Grows this body's reservation to {@code capacity} bytes of buffer. */
  private boolean reserveFor(int capacity) {
    long wanted = (long) capacity * HELD_COPIES;
    if (wanted <= reserved) {
      return true;
    }
    if (!budget.tryReserve(wanted - reserved)) {
      return false;
    }
    reserved = wanted;
    return true;
  }

  /** Reads and drops what still arrives after a refusal, so the client gets to read it. */
  private void drop() throws IOException {
    if (discard == null) {
      discard = new byte[8192];
    }
    while (in.isReady() && in.read(discard) >= 0) {
      // dropped
    }
  }

  /**
   * Answers an error and ends the request. {@code close} also ends the connection: a client that
   * trickles its body is not offered another request on it.
   */
  private void refuse(GatewayError error, boolean close) {
    if (over) {
      return;
    }
    over = true;
    buffer = null;
    release();
    try {
      if (!response.isCommitted()) {
        response.setStatus(error.httpStatus());
        response.setContentType("application/json");
        if (close) {
          response.setHeader("Connection", "close");
        }
        if (error.type() == ErrorType.OVERLOADED) {
          response.setHeader("retry-after", "1");
        }
        byte[] body =
            ErrorBodies.json(error.type(), error.getMessage()).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
      }
    } catch (IOException | IllegalStateException gone) {
      // the client is gone: nothing to tell it
    }
    Runnable closeConnection = close ? ClientConnections.closer(async.getRequest()) : () -> {};
    complete();
    closeConnection.run();
  }

  /**
   * One line per refusal, but at most one every {@value #LOG_EVERY_SECONDS} s: a flood of slow
   * clients must not become a flood of log lines.
   */
  private static void logRefusal(String line) {
    long now = System.nanoTime();
    long last = lastLogged.get();
    if (now - last < LOG_EVERY_SECONDS * 1_000_000_000L || !lastLogged.compareAndSet(last, now)) {
      unlogged.incrementAndGet();
      return;
    }
    int more = unlogged.getAndSet(0);
    LOG.info(line + (more > 0 ? " (" + more + " more since the last such line)" : ""));
  }

  private static final int LOG_EVERY_SECONDS = 10;
  private static final java.util.concurrent.atomic.AtomicLong lastLogged =
      new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - 3600_000_000_000L);
  private static final java.util.concurrent.atomic.AtomicInteger unlogged =
      new java.util.concurrent.atomic.AtomicInteger();

  private void complete() {
    try {
      async.complete();
    } catch (IllegalStateException alreadyDone) {
      // the container ended it first
    }
  }

  private GatewayError tooLarge() {
    return new GatewayError(
        ErrorType.REQUEST_TOO_LARGE,
        "The request body exceeds this endpoint's limit of " + describe(rules.maxBytes()) + ".");
  }

  private static GatewayError budgetSpent() {
    return new GatewayError(
        ErrorType.OVERLOADED,
        "The relay is taking in as many large request bodies as its memory allows; retry in a"
            + " moment.");
  }

  static String describe(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " bytes";
  }
}
