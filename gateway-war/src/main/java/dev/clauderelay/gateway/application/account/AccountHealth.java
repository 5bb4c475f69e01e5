package dev.clauderelay.gateway.application.account;

import dev.clauderelay.gateway.domain.model.account.AccountAuthType;
import dev.clauderelay.gateway.domain.model.account.AccountStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Claude account at run time: its decrypted credential, where it stands and its live counters.
 * The database's view arrives through {@link #adopt}; the request path changes the rest without a
 * lock. A rate limit is never shortened by either side: the later of the live and the stored limit
 * holds.
 */
public final class AccountHealth {

  private final long id;
  private volatile String name;
  private volatile AccountAuthType authType;
  private volatile String credential;
  private volatile int credentialVersion;
  private volatile String masked;
  private volatile boolean refreshable;
  private volatile long expiresAtMillis;

  /** The stored status, with {@code RATE_LIMITED} kept apart in {@link #limitedUntilMillis}. */
  private volatile AccountStatus outOfUse;

  private volatile String statusReason;

  /** When the request path took the account out of use; 0 when the database decided. */
  private volatile long outSinceMillis;

  private volatile long limitedUntilMillis;
  private volatile long lastLimitedMillis;
  private volatile String limitReason;

  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicLong requests = new AtomicLong();
  final AtomicLong successes = new AtomicLong();
  final AtomicLong failures = new AtomicLong();
  final AtomicLong rateLimited = new AtomicLong();
  private volatile long lastUsedMillis;
  private volatile String lastError;
  private volatile long lastErrorMillis;

  /** The token refresh in progress after a refusal, shared by every request that saw one. */
  volatile CompletableFuture<Boolean> refreshing;

  /** Anthropic's last report of the subscription's usage windows; {@code null} before one. */
  private volatile UnifiedWindows windows;

  /** Whether {@link #windows} changed since the key state writer last stored it. */
  private final java.util.concurrent.atomic.AtomicBoolean windowsUnwritten =
      new java.util.concurrent.atomic.AtomicBoolean();

  AccountHealth(long id) {
    this.id = id;
  }

  /**
   * Takes the database's view.
   *
   * @param newCredential the decrypted credential when it changed, else {@code null}
   */
  void adopt(AccountSnapshot stored, String newCredential) {
    if (windows == null && stored.usageWindows() != null) {
      windows = UnifiedWindows.fromJson(stored.usageWindows());
    }
    name = stored.name();
    authType = stored.authType();
    masked = stored.masked();
    refreshable = stored.refreshable();
    expiresAtMillis = stored.expiresAtMillis();
    if (stored.credentialVersion() == 0) {
      credential = null;
      credentialVersion = 0;
    } else if (newCredential != null) {
      credential = newCredential;
      credentialVersion = stored.credentialVersion();
    }
    AccountStatus status = stored.status();
    AccountStatus storedOut =
        status == AccountStatus.ACTIVE || status == AccountStatus.RATE_LIMITED ? null : status;
    boolean verdictNotStoredYet =
        storedOut == null && outSinceMillis > 0 && stored.updatedAtMillis() < outSinceMillis;
    if (!verdictNotStoredYet) {
      outOfUse = storedOut;
      statusReason = storedOut == null ? null : stored.statusReason();
      outSinceMillis = 0;
    }
    if (stored.rateLimitedUntilMillis() > limitedUntilMillis) {
      limitedUntilMillis = stored.rateLimitedUntilMillis();
      limitReason = stored.statusReason();
    }
    lastLimitedMillis = Math.max(lastLimitedMillis, stored.lastLimitedMillis());
  }

  /** Where the account stands now: a stored verdict first, then a rate limit still running. */
  public AccountStatus status(long nowMillis) {
    AccountStatus stored = outOfUse;
    if (stored != null) {
      return stored;
    }
    if (credential == null) {
      return AccountStatus.PENDING;
    }
    return limitedUntilMillis > nowMillis ? AccountStatus.RATE_LIMITED : AccountStatus.ACTIVE;
  }

  /** Why the account is not active, or {@code null}. */
  public String statusReason(long nowMillis) {
    return switch (status(nowMillis)) {
      case ACTIVE -> null;
      case RATE_LIMITED -> limitReason;
      case PENDING -> statusReason == null ? "not signed in yet" : statusReason;
      default -> statusReason;
    };
  }

  boolean usable(long nowMillis) {
    return status(nowMillis) == AccountStatus.ACTIVE && refreshing == null;
  }

  void acquire(long nowMillis) {
    inFlight.incrementAndGet();
    requests.incrementAndGet();
    lastUsedMillis = nowMillis;
  }

  void release() {
    inFlight.decrementAndGet();
  }

  void recordError(String reason, long nowMillis) {
    failures.incrementAndGet();
    lastError = reason;
    lastErrorMillis = nowMillis;
  }

  /** Rests the account until {@code untilMillis}; a longer running limit stays. */
  void limit(long untilMillis, long nowMillis, String reason) {
    rateLimited.incrementAndGet();
    lastLimitedMillis = nowMillis;
    if (untilMillis > limitedUntilMillis) {
      limitedUntilMillis = untilMillis;
      limitReason = reason;
    }
  }

  /** A rest another relay of the cluster saw; the counters stay that relay's. */
  void limitRemote(long untilMillis, String reason) {
    if (untilMillis > limitedUntilMillis) {
      limitedUntilMillis = untilMillis;
      limitReason = reason;
    }
  }

  /**
   * Takes the account out of use at once; it stays out until the database holds a change made after
   * this (the verdict stored, or new tokens).
   */
  void markOut(AccountStatus status, String reason, long nowMillis) {
    if (outOfUse == null) {
      outOfUse = status;
      statusReason = reason;
      outSinceMillis = nowMillis;
    }
  }

  public long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public AccountAuthType authType() {
    return authType;
  }

  String credential() {
    return credential;
  }

  int credentialVersion() {
    return credentialVersion;
  }

  public String masked() {
    return masked;
  }

  public boolean refreshable() {
    return refreshable;
  }

  public long expiresAtMillis() {
    return expiresAtMillis;
  }

  public long limitedUntilMillis() {
    return limitedUntilMillis;
  }

  /** Anthropic's last report of the account's usage windows, or {@code null}. */
  public UnifiedWindows windows() {
    return windows;
  }

  /** How full the account's windows are now, 0..1; 0 without a report. */
  public double pressure(long nowMillis) {
    UnifiedWindows report = windows;
    return report == null ? 0 : report.pressure(nowMillis);
  }

  void observeWindows(UnifiedWindows report) {
    windows = report;
    windowsUnwritten.set(true);
  }

  /** Takes the unwritten report for storing, or {@code null}; see {@link #windowsNotWritten}. */
  public UnifiedWindows takeUnwrittenWindows() {
    return windowsUnwritten.getAndSet(false) ? windows : null;
  }

  /** The report taken could not be stored: it is taken again next time. */
  public void windowsNotWritten() {
    windowsUnwritten.set(true);
  }

  public long lastLimitedMillis() {
    return lastLimitedMillis;
  }

  public int inFlight() {
    return inFlight.get();
  }

  public long requests() {
    return requests.get();
  }

  public long successes() {
    return successes.get();
  }

  public long failures() {
    return failures.get();
  }

  public long rateLimitedCount() {
    return rateLimited.get();
  }

  public long lastUsedMillis() {
    return lastUsedMillis;
  }

  public String lastError() {
    return lastError;
  }

  public long lastErrorMillis() {
    return lastErrorMillis;
  }

  public boolean refreshInProgress() {
    return refreshing != null;
  }
}
