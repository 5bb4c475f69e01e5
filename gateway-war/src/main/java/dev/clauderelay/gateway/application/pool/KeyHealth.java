package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.plugin.api.ErrorClass;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The live state of one provider key: its secret and settings (from the admin), its status,
 * per-model limits and counters (from traffic). Counters are atomics updated without locks; status
 * changes are rare and synchronized on the instance. Survives topology rebuilds: a key keeps its
 * counters when an admin edits another key.
 *
 * <p>Who may change the status: traffic moves a key between active, cooling down, exhausted and
 * invalid, never out of disabled; only an admin (through the database and {@link #adopt}) disables
 * or re-enables it; a passing probe brings an invalid key back.
 */
public final class KeyHealth {

  private static final int CLASSES = ErrorClass.values().length;

  private final long keyId;
  private final long providerId;
  private volatile String secret;
  private volatile int secretVersion;
  private volatile String masked;
  private volatile String label;
  private volatile int weight;
  private volatile int rpmLimit;
  private volatile int concurrencyLimit;
  private volatile long createdAtMillis;
  private volatile long adminRevision;

  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicLong totalRequests = new AtomicLong();
  final AtomicLong successes = new AtomicLong();
  final AtomicLong failures = new AtomicLong();
  final AtomicLong rateLimited = new AtomicLong();

  /** Outcomes by {@link ErrorClass} ordinal; {@code CLIENT_ERROR} counts the client's mistakes. */
  final AtomicLongArray byClass = new AtomicLongArray(CLASSES);

  final AtomicLong latencyTotalMillis = new AtomicLong();
  final AtomicLong latencyCount = new AtomicLong();
  private volatile long lastUsedMillis;

  private volatile KeyStatus status;
  private volatile long statusUntilMillis;
  private volatile String statusReason;
  private volatile String lastError;
  private volatile long lastErrorMillis;

  /** Per-model limits and quota-window counts; {@code null} until a model first needs one. */
  private volatile Map<String, ModelState> models;

  /** Requests of the last minute, when the key has a requests-per-minute limit. */
  private volatile RateWindow minute;

  /** When an invalid key is probed next, and how long the wait after that one doubles from. */
  private volatile long nextProbeMillis;

  private volatile long probeBackoffMillis;

  /** Set on every change the database has not seen yet; cleared by the state writer. */
  private volatile boolean dirty;

  /** Set when the per-model states changed since the state writer last wrote them. */
  private volatile boolean modelsDirty;

  KeyHealth(long keyId, long providerId) {
    this.keyId = keyId;
    this.providerId = providerId;
    this.status = KeyStatus.ACTIVE;
  }

  /** Restores what the database last stored, at startup or when a key is added. */
  void restore(KeySnapshot stored, String decryptedSecret) {
    secret = decryptedSecret;
    secretVersion = stored.secretVersion();
    adoptSettings(stored);
    adminRevision = stored.adminRevision();
    status = stored.status();
    statusUntilMillis = stored.statusUntilMillis();
    statusReason = stored.statusReason();
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
    for (KeySnapshot.ModelSnapshot model : stored.models()) {
      ModelState state = modelState(model.model());
      state.restore(model);
    }
    modelsDirty = false;
  }

  /**
   * Takes the admin-owned fields of a rebuilt key and leaves traffic state alone, unless the admin
   * changed the status since this instance last saw it ({@code adminRevision}): then the stored
   * status is the admin's decision and wins; re-enabling also lifts every per-model limit.
   */
  void adopt(KeySnapshot stored, String decryptedSecret) {
    if (decryptedSecret != null) {
      secret = decryptedSecret;
      secretVersion = stored.secretVersion();
    }
    adoptSettings(stored);
    if (stored.adminRevision() != adminRevision) {
      synchronized (this) {
        adminRevision = stored.adminRevision();
        status = stored.status();
        statusUntilMillis = stored.statusUntilMillis();
        statusReason = stored.statusReason();
        if (status == KeyStatus.ACTIVE) {
          clearModelLimits();
          probeBackoffMillis = 0;
        }
        dirty = true;
      }
    }
  }

  private void adoptSettings(KeySnapshot stored) {
    masked = stored.masked();
    label = stored.label();
    weight = Math.max(1, stored.weight());
    rpmLimit = Math.max(0, stored.rpmLimit());
    concurrencyLimit = Math.max(0, stored.concurrencyLimit());
    createdAtMillis = stored.createdAtMillis();
  }

  // ---- usability ---------------------------------------------------------------------------

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
          setStatus(KeyStatus.ACTIVE, 0, "recovered after " + describe(current));
        }
      }
      return true;
    }
    return false;
  }

  /** Whether the key may serve {@code model} now: usable, and not resting for that model. */
  boolean isUsableFor(String model, long nowMillis) {
    return isUsable(nowMillis) && !isLimitedFor(model, nowMillis);
  }

  /** Whether {@code model}'s own limit keeps this key from it now; lifts a limit that is due. */
  boolean isLimitedFor(String model, long nowMillis) {
    Map<String, ModelState> current = models;
    if (current == null || model == null) {
      return false;
    }
    ModelState state = current.get(model);
    if (state == null || state.status == null) {
      return false;
    }
    if (nowMillis < state.untilMillis) {
      return true;
    }
    if (state.liftIfDue(nowMillis)) {
      modelsDirty = true;
      dirty = true;
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

  /** When {@code model}'s limit on this key lifts; {@code Long.MAX_VALUE} when it has none. */
  long modelUsableAgainAtMillis(String model) {
    Map<String, ModelState> current = models;
    ModelState state = current == null ? null : current.get(model);
    return state == null || state.status == null ? Long.MAX_VALUE : state.untilMillis;
  }

  /**
   * Takes one request slot if the key is under its concurrency and requests-per-minute limits, as
   * one atomic step per limit: parallel leases never push the key past either.
   */
  boolean tryAcquire(long nowMillis) {
    int limit = concurrencyLimit;
    while (true) {
      int current = inFlight.get();
      if (limit > 0 && current >= limit) {
        return false;
      }
      if (inFlight.compareAndSet(current, current + 1)) {
        break;
      }
    }
    int rpm = rpmLimit;
    if (rpm > 0 && !rateWindow().tryAcquire(nowMillis, rpm)) {
      inFlight.decrementAndGet();
      return false;
    }
    return true;
  }

  /** Whether a limit would refuse a request now, without taking a slot (for descriptions). */
  boolean isSaturated(long nowMillis) {
    int limit = concurrencyLimit;
    if (limit > 0 && inFlight.get() >= limit) {
      return true;
    }
    int rpm = rpmLimit;
    RateWindow window = minute;
    return rpm > 0 && window != null && window.count(nowMillis) >= rpm;
  }

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

  // ---- traffic's changes -------------------------------------------------------------------

  /**
   * Rests the key as a whole until {@code untilMillis} ({@code COOLING_DOWN} or {@code EXHAUSTED}).
   * An invalid or disabled key stays as it is; a resting key keeps the later time.
   *
   * @return whether the key's status changed
   */
  synchronized boolean rest(KeyStatus restStatus, long untilMillis, String reason) {
    KeyStatus current = status;
    if (current == KeyStatus.INVALID || current == KeyStatus.DISABLED) {
      return false;
    }
    if (current == restStatus && statusUntilMillis >= untilMillis) {
      return false;
    }
    if (current == KeyStatus.EXHAUSTED
        && restStatus == KeyStatus.COOLING_DOWN
        && statusUntilMillis >= untilMillis) {
      return false;
    }
    setStatus(restStatus, untilMillis, reason);
    return true;
  }

  /** Rests the key for {@code model} only, leaving it usable for every other model. */
  void restForModel(String model, KeyStatus restStatus, long untilMillis, String reason) {
    modelState(model).rest(restStatus, untilMillis, reason);
    modelsDirty = true;
    dirty = true;
  }

  /** The upstream refused the key: no traffic until a probe passes or an admin re-enables it. */
  synchronized boolean markInvalid(String reason, long nowMillis, long firstProbeDelayMillis) {
    if (status == KeyStatus.DISABLED || status == KeyStatus.INVALID) {
      return false;
    }
    setStatus(KeyStatus.INVALID, 0, reason);
    probeBackoffMillis = firstProbeDelayMillis;
    nextProbeMillis = nowMillis + firstProbeDelayMillis;
    return true;
  }

  /**
   * A probe's verdict on an invalid key: back to active when it passed, resting when the upstream
   * accepted the key but limited it, still invalid otherwise: probed again after the current wait,
   * which doubles (from {@code minBackoffMillis} up to {@code maxBackoffMillis}) each time the
   * upstream refuses the key again, and stays as it is when the probe was inconclusive (a 5xx, a
   * timeout).
   *
   * @return whether the key left the invalid state
   */
  synchronized boolean probed(
      ProbeResult result, long nowMillis, long minBackoffMillis, long maxBackoffMillis) {
    if (status != KeyStatus.INVALID) {
      return false;
    }
    if (result.passed()) {
      setStatus(KeyStatus.ACTIVE, 0, "probe passed (HTTP " + result.status() + ")");
      probeBackoffMillis = 0;
      return true;
    }
    if (result.keyAccepted()) {
      KeyStatus rest =
          result.errorClass() == ErrorClass.QUOTA_EXHAUSTED
              ? KeyStatus.EXHAUSTED
              : KeyStatus.COOLING_DOWN;
      long until =
          result.untilMillis() > nowMillis
              ? result.untilMillis()
              : nowMillis + KeyLease.DEFAULT_COOLDOWN.toMillis();
      setStatus(rest, until, "probe: key accepted but limited (" + result.message() + ")");
      probeBackoffMillis = 0;
      return true;
    }
    long backoff = Math.max(probeBackoffMillis, minBackoffMillis);
    nextProbeMillis = nowMillis + backoff;
    probeBackoffMillis =
        result.errorClass() == ErrorClass.KEY_INVALID
            ? Math.min(maxBackoffMillis, backoff * 2)
            : backoff;
    statusReason = "still refused at the last probe: " + result.message();
    dirty = true;
    return false;
  }

  boolean probeDue(long nowMillis) {
    return status == KeyStatus.INVALID && nowMillis >= nextProbeMillis;
  }

  /** Moves a due cooling or exhausted key back to active and lifts due per-model limits. */
  boolean recoverIfDue(long nowMillis) {
    boolean changed = status != KeyStatus.ACTIVE && usableAgainAtMillis() <= nowMillis;
    isUsable(nowMillis);
    Map<String, ModelState> current = models;
    if (current != null) {
      for (ModelState state : current.values()) {
        if (state.liftIfDue(nowMillis)) {
          modelsDirty = true;
          dirty = true;
          changed = true;
        }
      }
    }
    return changed;
  }

  private void setStatus(KeyStatus newStatus, long untilMillis, String reason) {
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

  void recordOutcome(ErrorClass outcome, long latencyMillis) {
    if (outcome != null) {
      byClass.incrementAndGet(outcome.ordinal());
    }
    if (latencyMillis >= 0) {
      latencyTotalMillis.addAndGet(latencyMillis);
      latencyCount.incrementAndGet();
    }
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

  boolean takeModelsDirty() {
    if (!modelsDirty) {
      return false;
    }
    modelsDirty = false;
    return true;
  }

  void markModelsDirty() {
    modelsDirty = true;
  }

  // ---- per-model quota windows -------------------------------------------------------------

  /** Counts one request for {@code model} in the strategy's quota window starting at the given. */
  void countModelRequest(String model, long windowStart) {
    if (windowStart == KeySelectionStrategy.NO_QUOTA_WINDOW || model == null) {
      return;
    }
    modelState(model).count(windowStart);
    modelsDirty = true;
  }

  /** Requests for {@code model} since {@code windowStart}, 0 when the window is a new one. */
  long modelRequests(String model, long windowStart) {
    Map<String, ModelState> current = models;
    ModelState state = current == null ? null : current.get(model);
    return state == null ? 0 : state.requestsIn(windowStart);
  }

  private ModelState modelState(String model) {
    Map<String, ModelState> current = models;
    if (current == null) {
      synchronized (this) {
        current = models;
        if (current == null) {
          current = new ConcurrentHashMap<>(4);
          models = current;
        }
      }
    }
    return current.computeIfAbsent(model, m -> new ModelState());
  }

  private void clearModelLimits() {
    Map<String, ModelState> current = models;
    if (current != null) {
      current.values().forEach(ModelState::lift);
      modelsDirty = true;
    }
  }

  /** The per-model states, for admins and the state writer. */
  public List<KeySnapshot.ModelSnapshot> modelStates() {
    Map<String, ModelState> current = models;
    if (current == null) {
      return List.of();
    }
    List<KeySnapshot.ModelSnapshot> result = new ArrayList<>(current.size());
    current.forEach((model, state) -> result.add(state.snapshot(model)));
    return result;
  }

  /** Models this key rests for at {@code nowMillis}, with when each limit lifts. */
  public List<KeySnapshot.ModelSnapshot> modelLimits(long nowMillis) {
    return modelStates().stream()
        .filter(m -> m.status() != null && m.untilMillis() > nowMillis)
        .toList();
  }

  /** Whether this key rests for some model at {@code nowMillis}. */
  public boolean hasModelLimits(long nowMillis) {
    Map<String, ModelState> current = models;
    if (current == null) {
      return false;
    }
    for (ModelState state : current.values()) {
      if (state.status != null && state.untilMillis > nowMillis) {
        return true;
      }
    }
    return false;
  }

  static String describe(KeyStatus status) {
    return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  // ---- reading -----------------------------------------------------------------------------

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

  int secretVersion() {
    return secretVersion;
  }

  public String masked() {
    return masked;
  }

  public String label() {
    return label;
  }

  public int weight() {
    return weight;
  }

  /** Requests per minute the key may send, 0 for no limit. */
  public int rpmLimit() {
    return rpmLimit;
  }

  /** Requests the key may have in flight at once, 0 for no limit. */
  public int concurrencyLimit() {
    return concurrencyLimit;
  }

  public long createdAtMillis() {
    return createdAtMillis;
  }

  public long adminRevision() {
    return adminRevision;
  }

  public int inFlight() {
    return inFlight.get();
  }

  /** Requests sent in the last 60 seconds, counted only for keys with a per-minute limit. */
  public int requestsLastMinute(long nowMillis) {
    RateWindow window = minute;
    return window == null ? 0 : window.count(nowMillis);
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

  public long nextProbeMillis() {
    return nextProbeMillis;
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

  /** Outcomes of one class: failures for the retryable classes, mistakes for client errors. */
  public long outcomes(ErrorClass errorClass) {
    return byClass.get(errorClass.ordinal());
  }

  /** Mean time from lease to outcome, in milliseconds; 0 before the first outcome. */
  public long averageLatencyMillis() {
    long count = latencyCount.get();
    return count == 0 ? 0 : latencyTotalMillis.get() / count;
  }

  public long latencyTotalMillis() {
    return latencyTotalMillis.get();
  }

  public long latencyCount() {
    return latencyCount.get();
  }

  /**
   * One model's limit and quota-window count on this key. Limits change under the state's lock; the
   * request path reads the volatile fields without one, and counts with an atomic (a window change
   * resets the count under the lock, so a count racing it may land in either window: the counts
   * steer a balance, they bill nothing).
   */
  static final class ModelState {
    volatile KeyStatus status;
    volatile long untilMillis;
    volatile String reason;
    private volatile long windowStart = KeySelectionStrategy.NO_QUOTA_WINDOW;
    private final AtomicLong windowRequests = new AtomicLong();

    synchronized void rest(KeyStatus restStatus, long until, String why) {
      if (status != null && untilMillis >= until) {
        return;
      }
      status = restStatus;
      untilMillis = until;
      reason = why;
    }

    synchronized boolean liftIfDue(long nowMillis) {
      if (status != null && nowMillis >= untilMillis) {
        lift();
        return true;
      }
      return false;
    }

    synchronized void lift() {
      status = null;
      untilMillis = 0;
      reason = null;
    }

    void count(long start) {
      if (start != windowStart) {
        synchronized (this) {
          if (start != windowStart) {
            windowRequests.set(0);
            windowStart = start;
          }
        }
      }
      windowRequests.incrementAndGet();
    }

    long requestsIn(long start) {
      return start == windowStart ? windowRequests.get() : 0;
    }

    synchronized void restore(KeySnapshot.ModelSnapshot stored) {
      status = stored.status();
      untilMillis = stored.untilMillis();
      reason = stored.reason();
      windowStart = stored.windowStart();
      windowRequests.set(stored.windowRequests());
    }

    synchronized KeySnapshot.ModelSnapshot snapshot(String model) {
      return new KeySnapshot.ModelSnapshot(
          model, status, untilMillis, reason, windowStart, windowRequests.get());
    }
  }
}
