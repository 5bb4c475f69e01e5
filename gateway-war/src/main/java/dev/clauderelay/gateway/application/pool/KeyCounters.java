package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.plugin.api.ErrorClass;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One key's traffic as it happens: the requests in flight and in the last minute (which its limits
 * are held to), and the counters each attempt's outcome adds to. Atomics updated without locks;
 * only the per-minute window, made for keys with a limit, is synchronized on its own.
 */
final class KeyCounters {

  private static final int CLASSES = ErrorClass.values().length;

  private final AtomicInteger inFlight = new AtomicInteger();
  final AtomicLong totalRequests = new AtomicLong();
  private final AtomicLong successes = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong rateLimited = new AtomicLong();

  /** Outcomes by {@link ErrorClass} ordinal; {@code CLIENT_ERROR} counts the client's mistakes. */
  private final AtomicLongArray byClass = new AtomicLongArray(CLASSES);

  private final AtomicLong latencyTotalMillis = new AtomicLong();
  private final AtomicLong latencyCount = new AtomicLong();
  private volatile long lastUsedMillis;
  private volatile String lastError;
  private volatile long lastErrorMillis;

  /** Requests of the last minute, when the key has a requests-per-minute limit. */
  private volatile RateWindow minute;

  /** Set on every change the database has not seen yet; taken by the state writer. */
  private volatile boolean unwritten;

  /** Restores what the database last stored. */
  void restore(KeySnapshot stored) {
    totalRequests.set(stored.totalRequests());
    successes.set(stored.successes());
    failures.set(stored.failures());
    rateLimited.set(stored.rateLimited());
    byClass.set(ErrorClass.RATE_LIMITED.ordinal(), stored.rateLimited());
    byClass.set(ErrorClass.KEY_INVALID.ordinal(), stored.keyInvalidFailures());
    byClass.set(ErrorClass.QUOTA_EXHAUSTED.ordinal(), stored.quotaFailures());
    byClass.set(ErrorClass.OVERLOADED.ordinal(), stored.overloadedFailures());
    byClass.set(ErrorClass.UPSTREAM_ERROR.ordinal(), stored.upstreamFailures());
    byClass.set(ErrorClass.CLIENT_ERROR.ordinal(), stored.clientErrors());
    latencyTotalMillis.set(stored.latencyTotalMillis());
    latencyCount.set(stored.latencyCount());
    lastUsedMillis = stored.lastUsedMillis();
    lastError = stored.lastError();
    lastErrorMillis = stored.lastErrorMillis();
  }

  // ---- the limits ---------------------------------------------------------------------------

  /**
   * Takes one request slot if the key is under its concurrency and requests-per-minute limits (0:
   * none), as one atomic step per limit: parallel leases never push the key past either.
   */
  boolean tryAcquire(long nowMillis, int concurrencyLimit, int rpmLimit) {
    while (true) {
      int current = inFlight.get();
      if (concurrencyLimit > 0 && current >= concurrencyLimit) {
        return false;
      }
      if (inFlight.compareAndSet(current, current + 1)) {
        break;
      }
    }
    if (rpmLimit > 0 && !rateWindow().tryAcquire(nowMillis, rpmLimit)) {
      inFlight.decrementAndGet();
      return false;
    }
    return true;
  }

  /** Whether a limit would refuse a request now, without taking a slot (for descriptions). */
  boolean isSaturated(long nowMillis, int concurrencyLimit, int rpmLimit) {
    if (concurrencyLimit > 0 && inFlight.get() >= concurrencyLimit) {
      return true;
    }
    RateWindow window = minute;
    return rpmLimit > 0 && window != null && window.count(nowMillis) >= rpmLimit;
  }

  /** Gives back the slot {@link #tryAcquire} took. */
  void release() {
    inFlight.decrementAndGet();
  }

  private RateWindow rateWindow() {
    RateWindow window = minute;
    if (window == null) {
      synchronized (this) {
        window = minute;
        if (window == null) {
          window = new RateWindow();
          minute = window;
        }
      }
    }
    return window;
  }

  // ---- outcomes -----------------------------------------------------------------------------

  /** A lease took the key for one request. */
  void leased(long nowMillis) {
    totalRequests.incrementAndGet();
    lastUsedMillis = nowMillis;
    unwritten = true;
  }

  /** The upstream answered the request, {@code latencyMillis} after the lease. */
  void succeeded(long latencyMillis) {
    successes.incrementAndGet();
    recordLatency(latencyMillis);
    unwritten = true;
  }

  /**
   * The attempt failed as {@code errorClass} says, {@code latencyMillis} after the lease. The
   * client's own mistake counts as a success: the key answered, so it is healthy.
   *
   * @param reason a short description for admins, never a secret
   */
  void failed(ErrorClass errorClass, long latencyMillis, String reason, long nowMillis) {
    byClass.incrementAndGet(errorClass.ordinal());
    recordLatency(latencyMillis);
    if (errorClass == ErrorClass.CLIENT_ERROR) {
      successes.incrementAndGet();
    } else {
      failures.incrementAndGet();
      lastError = reason;
      lastErrorMillis = nowMillis;
      if (errorClass == ErrorClass.RATE_LIMITED) {
        rateLimited.incrementAndGet();
      }
    }
    unwritten = true;
  }

  private void recordLatency(long latencyMillis) {
    if (latencyMillis >= 0) {
      latencyTotalMillis.addAndGet(latencyMillis);
      latencyCount.incrementAndGet();
    }
  }

  /** Whether a change waits for the state writer; clears the mark. */
  boolean takeUnwritten() {
    if (!unwritten) {
      return false;
    }
    unwritten = false;
    return true;
  }

  // ---- reading ------------------------------------------------------------------------------

  int inFlight() {
    return inFlight.get();
  }

  int requestsLastMinute(long nowMillis) {
    RateWindow window = minute;
    return window == null ? 0 : window.count(nowMillis);
  }

  long totalRequests() {
    return totalRequests.get();
  }

  long successes() {
    return successes.get();
  }

  long failures() {
    return failures.get();
  }

  long rateLimited() {
    return rateLimited.get();
  }

  long outcomes(ErrorClass errorClass) {
    return byClass.get(errorClass.ordinal());
  }

  long averageLatencyMillis() {
    long count = latencyCount.get();
    return count == 0 ? 0 : latencyTotalMillis.get() / count;
  }

  long latencyTotalMillis() {
    return latencyTotalMillis.get();
  }

  long latencyCount() {
    return latencyCount.get();
  }

  long lastUsedMillis() {
    return lastUsedMillis;
  }

  String lastError() {
    return lastError;
  }

  long lastErrorMillis() {
    return lastErrorMillis;
  }
}
