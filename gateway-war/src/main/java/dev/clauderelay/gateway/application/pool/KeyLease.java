package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.plugin.api.ErrorClass;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One attempt's hold on a key: counts the request in flight from lease to close, and turns the
 * attempt's outcome into the key's new state. Close it in every path (try-with-resources or the
 * exchange's finish); closing twice is harmless.
 */
public final class KeyLease implements AutoCloseable {

  /** How long a rate-limited key rests when the upstream does not say. */
  static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(60);

  private final KeyPool pool;
  private final KeyHealth key;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean outcomeRecorded = new AtomicBoolean();

  KeyLease(KeyPool pool, KeyHealth key, long nowMillis) {
    this.pool = pool;
    this.key = key;
    key.inFlight.incrementAndGet();
    key.totalRequests.incrementAndGet();
    key.markUsed(nowMillis);
  }

  public KeyHealth key() {
    return key;
  }

  /** The upstream answered the request successfully. */
  public void succeeded() {
    if (outcomeRecorded.compareAndSet(false, true)) {
      key.successes.incrementAndGet();
    }
  }

  /**
   * The attempt failed: applies what the failure means to the key.
   *
   * @param untilMillis for rate limits and exhausted quotas, when the key is usable again; 0 when
   *     unknown
   * @param reason a short description for admins, never a secret
   */
  public void failed(ErrorClass errorClass, long untilMillis, String reason) {
    if (!outcomeRecorded.compareAndSet(false, true)) {
      return;
    }
    long now = pool.now();
    key.recordError(reason, now);
    switch (errorClass) {
      case RATE_LIMITED -> {
        key.rateLimited.incrementAndGet();
        key.failures.incrementAndGet();
        long until = untilMillis > now ? untilMillis : now + DEFAULT_COOLDOWN.toMillis();
        key.setStatus(KeyStatus.COOLING_DOWN, until, reason);
        pool.invalidate();
      }
      case QUOTA_EXHAUSTED -> {
        key.failures.incrementAndGet();
        long until = untilMillis > now ? untilMillis : now + Duration.ofHours(1).toMillis();
        key.setStatus(KeyStatus.EXHAUSTED, until, reason);
        pool.invalidate();
      }
      case KEY_INVALID -> {
        key.failures.incrementAndGet();
        key.setStatus(KeyStatus.INVALID, 0, reason);
        pool.invalidate();
      }
      case OVERLOADED, UPSTREAM_ERROR -> key.failures.incrementAndGet();
      case CLIENT_ERROR -> {
        // The request was wrong, not the key: the key answered, so it counts as healthy.
        key.successes.incrementAndGet();
      }
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      key.inFlight.decrementAndGet();
      key.markDirty();
    }
  }
}
