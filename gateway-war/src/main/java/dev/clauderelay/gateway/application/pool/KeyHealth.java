package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.plugin.api.ErrorClass;
import java.util.List;
import java.util.Locale;

/**
 * The live state of one provider key: its secret and settings (from the admin), its status and its
 * transitions, with its traffic counters ({@link KeyCounters}) and per-model state ({@link
 * KeyModels}) as parts. Counters are atomics updated without locks; status changes are rare and
 * synchronized on the instance. Survives topology rebuilds: a key keeps its live state when an
 * admin edits another key.
 *
 * <p>Who may change the status: traffic moves a key between active, cooling down, exhausted and
 * invalid, never out of disabled; only an admin (through the database and {@link #adopt}) disables
 * or re-enables it; a passing probe brings an invalid key back.
 */
public final class KeyHealth {

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

  private volatile KeyStatus status;
  private volatile long statusUntilMillis;
  private volatile String statusReason;

  /** When an invalid key is probed next, and how long the wait after that one doubles from. */
  private volatile long nextProbeMillis;

  private volatile long probeBackoffMillis;

  /** Set on every change of the status or settings the database has not seen yet. */
  private volatile boolean dirty;

  /** The traffic: requests in flight, per minute, and every outcome's counters. */
  final KeyCounters counters = new KeyCounters();

  /** Rests bound to one model, and the strategy's per-model quota-window counts. */
  final KeyModels perModel = new KeyModels();

  KeyHealth(long keyId, long providerId) {
    this.keyId = keyId;
    this.providerId = providerId;
    this.status = KeyStatus.ACTIVE;
  }

  /**
   * The counters as the database holds them after this relay's last write, in {@link
   * #counterValues()}'s order: in a cluster each relay adds what it counted since then.
   */
  private volatile long[] writtenCounters;

  /** Restores what the database last stored, at startup or when a key is added. */
  void restore(KeySnapshot stored, String decryptedSecret) {
    secret = decryptedSecret;
    secretVersion = stored.secretVersion();
    adoptSettings(stored);
    adminRevision = stored.adminRevision();
    status = stored.status();
    statusUntilMillis = stored.statusUntilMillis();
    statusReason = stored.statusReason();
    counters.restore(stored);
    perModel.restore(stored.models());
    writtenCounters = counterValues();
  }

  /**
   * The counters the state writer stores: requests, successes, failures, rate limited, the four
   * failure classes and client errors, latency total and count.
   */
  long[] counterValues() {
    return new long[] {
      totalRequests(),
      successes(),
      failures(),
      rateLimited(),
      outcomes(ErrorClass.KEY_INVALID),
      outcomes(ErrorClass.QUOTA_EXHAUSTED),
      outcomes(ErrorClass.OVERLOADED),
      outcomes(ErrorClass.UPSTREAM_ERROR),
      outcomes(ErrorClass.CLIENT_ERROR),
      latencyTotalMillis(),
      latencyCount()
    };
  }

  long[] writtenCounters() {
    long[] written = writtenCounters;
    return written == null ? new long[11] : written;
  }

  void countersWritten(long[] values) {
    writtenCounters = values;
  }

  /**
   * Takes the admin-owned fields of a rebuilt key and leaves traffic state alone, unless the admin
   * changed the status since this instance last saw it ({@code adminRevision}): then the stored
   * status is the admin's decision and wins; re-enabling also lifts every per-model rest.
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
          perModel.liftAll();
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
    return isUsable(nowMillis) && !perModel.isLimitedFor(model, nowMillis);
  }

  /** When a cooling or exhausted key becomes usable again; {@code Long.MAX_VALUE} otherwise. */
  long usableAgainAtMillis() {
    KeyStatus current = status;
    return current == KeyStatus.COOLING_DOWN || current == KeyStatus.EXHAUSTED
        ? statusUntilMillis
        : Long.MAX_VALUE;
  }

  /** Takes one request slot if the key is under its concurrency and per-minute limits. */
  boolean tryAcquire(long nowMillis) {
    return counters.tryAcquire(nowMillis, concurrencyLimit, rpmLimit);
  }

  /** Whether a limit would refuse a request now, without taking a slot (for descriptions). */
  boolean isSaturated(long nowMillis) {
    return counters.isSaturated(nowMillis, concurrencyLimit, rpmLimit);
  }

  // ---- traffic's and probes' changes -------------------------------------------------------

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

  /**
   * Takes a status another relay of the cluster saw through traffic or a probe. An admin's decision
   * (disabled) stays; a rest keeps the later end; a key that passed its probe elsewhere is active
   * here too.
   *
   * @return whether the status changed
   */
  synchronized boolean applyRemote(
      KeyStatus remote, long untilMillis, String reason, long nowMillis) {
    return switch (remote) {
      case COOLING_DOWN, EXHAUSTED -> {
        if (untilMillis <= nowMillis) {
          yield false;
        }
        if (status == KeyStatus.INVALID) { // its probe found the key accepted, but limited
          setStatus(remote, untilMillis, reason);
          probeBackoffMillis = 0;
          yield true;
        }
        yield rest(remote, untilMillis, reason);
      }
      case INVALID -> markInvalid(reason, nowMillis, KeyLease.FIRST_PROBE_DELAY.toMillis());
      case ACTIVE -> {
        if (status == KeyStatus.INVALID) {
          setStatus(KeyStatus.ACTIVE, 0, reason);
          probeBackoffMillis = 0;
          yield true;
        }
        yield false;
      }
      default -> false;
    };
  }

  boolean probeDue(long nowMillis) {
    return status == KeyStatus.INVALID && nowMillis >= nextProbeMillis;
  }

  /** Moves a due cooling or exhausted key back to active and lifts due per-model rests. */
  boolean recoverIfDue(long nowMillis) {
    boolean changed = status != KeyStatus.ACTIVE && usableAgainAtMillis() <= nowMillis;
    isUsable(nowMillis);
    return perModel.liftDue(nowMillis) || changed;
  }

  private void setStatus(KeyStatus newStatus, long untilMillis, String reason) {
    status = newStatus;
    statusUntilMillis = untilMillis;
    statusReason = reason;
    dirty = true;
  }

  private static String describe(KeyStatus status) {
    return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  // ---- for the state writer ----------------------------------------------------------------

  /** Marks the key for the state writer (a lease ended, or its write failed). */
  void markDirty() {
    dirty = true;
  }

  /**
   * Whether any part of the key changed since the state writer last took it; clears the marks of
   * the status and the counters (the per-model one stays for {@link KeyModels#takeUnwritten}).
   */
  boolean takeDirty() {
    boolean changed = dirty;
    dirty = false;
    return counters.takeUnwritten() | changed | perModel.unwritten();
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

  public KeyStatus status() {
    return status;
  }

  public long statusUntilMillis() {
    return statusUntilMillis;
  }

  public String statusReason() {
    return statusReason;
  }

  public long nextProbeMillis() {
    return nextProbeMillis;
  }

  /** The per-model states, for admins and the state writer. */
  public List<KeySnapshot.ModelSnapshot> modelStates() {
    return perModel.snapshots();
  }

  /** Models this key rests for at {@code nowMillis}, with when each rest ends. */
  public List<KeySnapshot.ModelSnapshot> modelLimits(long nowMillis) {
    return perModel.rests(nowMillis);
  }

  /** Whether this key rests for some model at {@code nowMillis}. */
  public boolean hasModelLimits(long nowMillis) {
    return perModel.hasRests(nowMillis);
  }

  public int inFlight() {
    return counters.inFlight();
  }

  /** Requests sent in the last 60 seconds, counted only for keys with a per-minute limit. */
  public int requestsLastMinute(long nowMillis) {
    return counters.requestsLastMinute(nowMillis);
  }

  public long lastUsedMillis() {
    return counters.lastUsedMillis();
  }

  public String lastError() {
    return counters.lastError();
  }

  public long lastErrorMillis() {
    return counters.lastErrorMillis();
  }

  public long totalRequests() {
    return counters.totalRequests();
  }

  public long successes() {
    return counters.successes();
  }

  public long failures() {
    return counters.failures();
  }

  public long rateLimited() {
    return counters.rateLimited();
  }

  /** Outcomes of one class: failures for the retryable classes, mistakes for client errors. */
  public long outcomes(ErrorClass errorClass) {
    return counters.outcomes(errorClass);
  }

  /** Mean time from lease to outcome, in milliseconds; 0 before the first outcome. */
  public long averageLatencyMillis() {
    return counters.averageLatencyMillis();
  }

  public long latencyTotalMillis() {
    return counters.latencyTotalMillis();
  }

  public long latencyCount() {
    return counters.latencyCount();
  }
}
