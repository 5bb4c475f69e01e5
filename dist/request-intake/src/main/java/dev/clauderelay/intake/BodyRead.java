package dev.clauderelay.intake;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One request body, read as the client sends it without holding a thread: the container calls back
 * when bytes arrive, and between two calls the request costs only its buffer. The body is bounded
 * while it is read: its size (413 as soon as it would pass the limit, declared or not), the memory
 * all bodies share ({@link BodyBudget}, 529 when spent), and time ({@link #check}, 408 and a closed
 * connection for a body that stalls or trickles). The finished body goes to the {@link Receiver}
 * once, on a container thread.
 *
 * <p>A refused body that is still arriving is read to its end and dropped (up to {@value
 * #MAX_DROPPED_BYTES} bytes, at the same pace rules) before the request completes: the client gets
 * to read its answer, and on HTTP/2 the connection's flow-control window is given back, which
 * leaving the bytes unread would not do (the connection's next requests would stall).
 *
 * <p>The budget holds a body's bytes {@value #HELD_COPIES} times over until the request completes:
 * the host keeps the bytes read, the bytes it sends on and, for a parsed body, its parsed form.
 *
 * <p>One class for one state machine (reading, dropping, over) under one lock: the container's
 * callbacks, the sweep and the refusals all change the same few fields, and kept together their
 * transitions can be checked in one reading.
 */
public final class BodyRead implements ReadListener, AsyncListener {

  /** Receives a body read whole. */
  public interface Receiver {
    void received(byte[] body);
  }

  public static final int HELD_COPIES = 3;

  static final long MAX_DROPPED_BYTES = 64L * 1024 * 1024;

  private static final Logger LOG = Logger.getLogger(BodyRead.class.getName());
  private static final int FIRST_BUFFER = 16 * 1024;
  private static final byte[] EMPTY = new byte[0];
  private static final String BUDGET_SPENT =
      "The relay is taking in as many large request bodies as its memory allows; retry in a"
          + " moment.";

  private enum State {
    READING,
    /** Refused and answered; what still arrives is read and dropped. */
    DROPPING,
    /** Delivered, or ended. */
    OVER
  }

  private final AsyncContext async;
  private final ServletInputStream in;
  private final HttpServletResponse response;
  private final BodyRules rules;
  private final BodyBudget budget;
  private final RefusalWriter refusals;

  /**
   * Dropped once the body is handed on: the container keeps this listener with its pooled request
   * objects long after the exchange, and the receiver holds the whole exchange.
   */
  private Receiver receiver;

  /** Takes this read off the intake's watch list; set before it starts. */
  private Runnable unwatch = () -> {};

  private final String requestId;
  private final long startedNanos;

  private State state = State.READING;
  private byte[] buffer;
  private boolean chunked;
  private int size;
  private long dropped;
  private long reserved;
  private long lastProgressNanos;

  BodyRead(
      AsyncContext async,
      ServletInputStream in,
      HttpServletResponse response,
      BodyRules rules,
      BodyBudget budget,
      RefusalWriter refusals,
      Receiver receiver,
      String requestId,
      long nowNanos) {
    this.async = async;
    this.in = in;
    this.response = response;
    this.rules = rules;
    this.budget = budget;
    this.refusals = refusals;
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
  void start(long declaredLength, Runnable unwatchOnDelivery) throws IOException {
    unwatch = unwatchOnDelivery;
    async.addListener(this);
    if (declaredLength == 0) {
      synchronized (this) {
        state = State.OVER;
      }
      deliver(EMPTY);
      return;
    }
    synchronized (this) {
      chunked = declaredLength < 0;
      int initial = chunked ? FIRST_BUFFER : (int) Math.min(declaredLength, Integer.MAX_VALUE);
      if (declaredLength > rules.maxBytes()) {
        refuse(Refusal.TOO_LARGE, tooLarge(), false);
      } else if (!reserveFor(initial)) {
        refuse(Refusal.BUSY, BUDGET_SPENT, false);
      } else {
        buffer = new byte[initial];
      }
    }
    in.setReadListener(this);
  }

  @Override
  public void onDataAvailable() throws IOException {
    boolean finished = false;
    boolean drained = false;
    synchronized (this) {
      if (state == State.OVER) {
        return;
      }
      while (!finished && !drained && state != State.OVER && in.isReady()) {
        if (state == State.DROPPING) {
          drained = drop();
        } else if (size == buffer.length && !grow()) {
          continue; // refused: the rest is dropped
        } else {
          int read = in.read(buffer, size, buffer.length - size);
          if (read < 0) {
            finished = true;
          } else if (read > 0) {
            size += read;
            lastProgressNanos = System.nanoTime();
            finished = !chunked && size == buffer.length;
          }
        }
      }
      finished = finished && state == State.READING;
    }
    if (finished) {
      onAllDataRead(); // at once, rather than on another thread after the container notices
    } else if (drained) {
      end(dropped > MAX_DROPPED_BYTES); // past the bound, the connection goes with the request
    }
  }

  @Override
  public void onAllDataRead() {
    byte[] body;
    synchronized (this) {
      if (state == State.DROPPING) {
        state = State.OVER;
        body = null;
      } else if (state == State.OVER) {
        return;
      } else {
        state = State.OVER;
        body = size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        buffer = null;
      }
    }
    if (body == null) {
      complete();
    } else {
      deliver(body);
    }
  }

  /**
   * Hands the body on. A failure there is the host's bug: logged, and the client answered, since
   * the container would otherwise swallow it and leave the request open.
   */
  private void deliver(byte[] body) {
    Receiver to;
    synchronized (this) {
      to = receiver;
      receiver = null;
    }
    // Off the watch list at once rather than at the next sweep: the list holds the request, and
    // half a second of requests held there outlived the young generation and filled the old one.
    unwatch.run();
    if (to == null) {
      return;
    }
    try {
      to.received(body);
    } catch (RuntimeException | Error e) {
      LOG.log(Level.SEVERE, "Request " + requestId + " failed", e);
      answer(
          Refusal.FAILED,
          "The relay failed to handle the request (request " + requestId + ").",
          false);
      complete();
    }
  }

  /** The connection failed or closed while the body was arriving: nobody is left to answer. */
  @Override
  public void onError(Throwable failure) {
    synchronized (this) {
      if (state == State.OVER) {
        return;
      }
      state = State.OVER;
      buffer = null;
    }
    LOG.fine(() -> "Request " + requestId + ": the body stopped arriving (" + failure + ")");
    release();
    complete();
  }

  /**
   * The sweep's check of a body still arriving (or being dropped).
   *
   * @return whether the body is still being read
   */
  boolean check(long nowNanos) {
    String why;
    synchronized (this) {
      if (state == State.OVER) {
        return false;
      }
      why = lateness(nowNanos);
      if (why == null) {
        return true;
      }
      logRefusal(
          "Request " + requestId + ": body refused after " + (size + dropped) + " bytes, " + why);
      if (state == State.READING) {
        refuse(
            Refusal.TOO_SLOW,
            "The request body was not received in time: " + why + ". Send it at once.",
            true);
      }
    }
    end(true);
    return false;
  }

  /** Why the body is too late, or {@code null} while it keeps its pace. */
  private String lateness(long nowNanos) {
    long elapsed = nowNanos - startedNanos;
    long received = size + dropped;
    if (nowNanos - lastProgressNanos > rules.idleTimeout().toNanos()) {
      return "no byte of it arrived for " + rules.idleTimeout().toSeconds() + " s";
    }
    if (elapsed > rules.maxDuration().toNanos()) {
      return "it took longer than " + rules.maxDuration().toSeconds() + " s";
    }
    if (elapsed > rules.grace().toNanos()
        && received * 1_000_000_000L < rules.minBytesPerSecond() * elapsed) {
      return "it arrived slower than " + rules.minBytesPerSecond() + " bytes a second";
    }
    return null;
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
    if (!chunked || buffer.length >= rules.maxBytes()) {
      refuse(Refusal.TOO_LARGE, tooLarge(), false);
      return false;
    }
    int next = (int) Math.min(rules.maxBytes(), Math.max(FIRST_BUFFER, buffer.length * 2L));
    if (!reserveFor(next)) {
      refuse(Refusal.BUSY, BUDGET_SPENT, false);
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

  /**
   * Reads and drops one chunk of a refused body.
   *
   * @return whether dropping is over: the body ended, or more of it came than is worth reading
   */
  private boolean drop() throws IOException {
    if (buffer == null || buffer.length > 8192) {
      buffer = new byte[8192];
    }
    int read = in.read(buffer, 0, buffer.length);
    if (read < 0) {
      return true;
    }
    if (read > 0) {
      dropped += read;
      lastProgressNanos = System.nanoTime();
    }
    return dropped > MAX_DROPPED_BYTES;
  }

  /**
   * Answers a refusal. A body still arriving is then dropped as it comes, and the request ends with
   * it; {@code close} ends the request and its connection at once instead.
   */
  private void refuse(Refusal refusal, String message, boolean close) {
    if (state != State.READING) {
      return;
    }
    state = State.DROPPING;
    buffer = null;
    release();
    answer(refusal, message, close);
  }

  private void answer(Refusal refusal, String message, boolean close) {
    try {
      if (!response.isCommitted()) {
        response.setStatus(refusal.status());
        if (close) {
          response.setHeader("Connection", "close");
        }
        if (refusal == Refusal.BUSY) {
          response.setHeader("retry-after", "1");
        }
        refusals.write(response, refusal, message);
        response.flushBuffer();
      }
    } catch (IOException | RuntimeException gone) {
      // the client is gone: nothing to tell it
    }
  }

  /** Ends a refused request: at once, or when the listener is not reading (nothing to drop). */
  private void end(boolean closeConnection) {
    Runnable close;
    synchronized (this) {
      if (state == State.OVER) {
        return;
      }
      state = State.OVER;
      buffer = null;
      close = closeConnection ? ClientConnections.closer(async.getRequest()) : () -> {};
    }
    complete();
    close.run();
  }

  private void complete() {
    try {
      async.complete();
    } catch (IllegalStateException alreadyDone) {
      // the container ended it first
    }
  }

  private String tooLarge() {
    return "The request body exceeds this endpoint's limit of " + describe(rules.maxBytes()) + ".";
  }

  /**
   * One line per refusal, but at most one every {@value #LOG_EVERY_SECONDS} s: a flood of slow
   * clients must not become a flood of log lines.
   */
  private static void logRefusal(String line) {
    long now = System.nanoTime();
    long last = LAST_LOGGED.get();
    if (now - last < LOG_EVERY_SECONDS * 1_000_000_000L || !LAST_LOGGED.compareAndSet(last, now)) {
      UNLOGGED.incrementAndGet();
      return;
    }
    int more = UNLOGGED.getAndSet(0);
    LOG.info(line + (more > 0 ? " (and " + more + " more since the last such line)" : "") + ".");
  }

  private static final int LOG_EVERY_SECONDS = 10;
  private static final AtomicLong LAST_LOGGED =
      new AtomicLong(System.nanoTime() - 3600_000_000_000L);
  private static final AtomicInteger UNLOGGED = new AtomicInteger();

  public static String describe(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " bytes";
  }
}
