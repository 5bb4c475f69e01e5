package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live state of one provider key: its secret and weight (from the admin), its status and
 * counters (from traffic). Counters are atomics updated without locks; status changes are rare and
 * synchronized on the instance. Survives topology rebuilds: a key keeps its counters when an admin
 * edits another key.
 */
public final class KeyHealth {

  private final long keyId;
  private final long providerId;
  private volatile String secret;
  private volatile String masked;
  private volatile int weight;

  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicLong totalRequests = new AtomicLong();
  final AtomicLong successes = new AtomicLong();
  final AtomicLong failures = new AtomicLong();
  final AtomicLong rateLimited = new AtomicLong();
  private volatile long lastUsedMillis;

  private volatile KeyStatus status;
  private volatile long statusUntilMillis;
  private volatile String statusReason;
  private volatile String lastError;
  private volatile long lastErrorMillis;

  /** Set on every change the database has not seen yet; cleared by the state writer. */
  private volatile boolean dirty;

  KeyHealth(long keyId, long providerId) {
    this.keyId = keyId;
    this.providerId = providerId;
    this.status = KeyStatus.ACTIVE;
  }

  /** Restores what the database last stored, at startup or when a key is added. */
  void restore(KeySnapshot stored) {
    secret = stored.secret();
    masked = stored.masked();
    weight = Math.max(1, stored.weight());
    status = stored.status();
    statusUntilMillis = stored.statusUntilMillis();
    statusReason = stored.statusReason();
    totalRequests.set(stored.totalRequests());
    successes.set(stored.successes());
    failures.set(stored.failures());
    rateLimited.set(stored.rateLimited());
    lastUsedMillis = stored.lastUsedMillis();
    lastError = stored.lastError();
  }

  /** Takes the admin-owned fields of a rebuilt key; leaves traffic state alone. */
  void adopt(KeySnapshot stored) {
    secret = stored.secret();
    masked = stored.masked();
    weight = Math.max(1, stored.weight());
  }

  /** Whether the key may get traffic at {@code nowMillis}, moving it back to active if due. */
  boolean isUsable(long nowMillis) {
    KeyStatus current = status;
    if (current == KeyStatus.ACTIVE) {
      return true;
    }
    if ((current == KeyStatus.COOLING_DOWN || current == KeyStatus.EXHAUSTED)
        && nowMillis >= statusUntilMillis) {
      synchronized (this) {
        if (status == current && nowMillis >= statusUntilMillis) {
          setStatus(KeyStatus.ACTIVE, 0, "recovered after " + current.name().toLowerCase());
        }
      }
      return true;
    }
    return false;
  }

  /** When a cooling or exhausted key becomes usable again; {@code Long.MAX_VALUE} otherwise. */
  long usableAgainAtMillis() {
    KeyStatus current = status;
    return current == KeyStatus.COOLING_DOWN || current == KeyStatus.EXHAUSTED
        ? statusUntilMillis
        : Long.MAX_VALUE;
  }

  synchronized void setStatus(KeyStatus newStatus, long untilMillis, String reason) {
    status = newStatus;
    statusUntilMillis = untilMillis;
    statusReason = reason;
    dirty = true;
  }

  void recordError(String message, long nowMillis) {
    lastError = message;
    lastErrorMillis = nowMillis;
    dirty = true;
  }

  void markUsed(long nowMillis) {
    lastUsedMillis = nowMillis;
    dirty = true;
  }

  void markDirty() {
    dirty = true;
  }

  boolean takeDirty() {
    if (!dirty) {
      return false;
    }
    dirty = false;
    return true;
  }

  public long keyId() {
    return keyId;
  }

  public long providerId() {
    return providerId;
  }

  /** The secret, for the one place that applies credentials to an upstream request. */
  public String secret() {
    return secret;
  }

  public String masked() {
    return masked;
  }

  public int weight() {
    return weight;
  }

  public int inFlight() {
    return inFlight.get();
  }

  public KeyStatus status() {
    return status;
  }

  public long statusUntilMillis() {
    return statusUntilMillis;
  }

  public String statusReason() {
    return statusReason;
  }

  public String lastError() {
    return lastError;
  }

  public long lastErrorMillis() {
    return lastErrorMillis;
  }

  public long lastUsedMillis() {
    return lastUsedMillis;
  }

  public long totalRequests() {
    return totalRequests.get();
  }

  public long successes() {
    return successes.get();
  }

  public long failures() {
    return failures.get();
  }

  public long rateLimited() {
    return rateLimited.get();
  }
}
