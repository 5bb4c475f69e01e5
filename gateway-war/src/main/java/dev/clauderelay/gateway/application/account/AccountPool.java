package dev.clauderelay.gateway.application.account;

import dev.clauderelay.gateway.application.pool.KeyPool;
import dev.clauderelay.gateway.application.pool.SessionAffinity;
import dev.clauderelay.gateway.domain.model.account.AccountStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The relay's Claude accounts as credentials of the providers that opt in. A request gets the
 * account its session used last while that account is usable (the conversation's prompt cache lives
 * in that account), else the least recently limited usable account, the one with fewest requests in
 * flight among equals. A 429 rests the account until Anthropic's reset; a refused OAuth token is
 * refreshed once for all requests that saw it; a refused API key or a failed refresh takes the
 * account out of use. Nothing here waits on the database: what must be stored leaves through the
 * {@link Upkeep}.
 */
public final class AccountPool {

  private static final Logger LOG = Logger.getLogger(AccountPool.class.getName());

  /** How long an account rests after a 429 that names no reset. */
  static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(60);

  /** How long an account with a used-up quota rests when the upstream does not say. */
  static final Duration DEFAULT_EXHAUSTION = Duration.ofHours(1);

  /** What the pool asks of the rest of the relay; implementations must not block the caller. */
  public interface Upkeep {

    /**
     * Refreshes the account's OAuth token; completes with whether it worked, after the pool holds
     * the new token.
     */
    CompletionStage<Boolean> refresh(long accountId, String why);

    /** Stores a rate limit the request path saw. */
    void limited(long accountId, long untilMillis, long atMillis, String reason);

    /** Stores that the upstream refused the account's credential. */
    void refused(long accountId, String reason);
  }

  private static final Upkeep NO_UPKEEP =
      new Upkeep() {
        @Override
        public CompletionStage<Boolean> refresh(long accountId, String why) {
          return null;
        }

        @Override
        public void limited(long accountId, long untilMillis, long atMillis, String reason) {}

        @Override
        public void refused(long accountId, String reason) {}
      };

  private final LongSupplier clock;
  private final SessionAffinity affinity = new SessionAffinity();

  /** What other relays of a cluster must see of the accounts: rests and session bindings. */
  public interface Events {
    void limited(long accountId, long untilMillis, String reason);

    void sessionBound(String session, long accountId);
  }

  private volatile Events events;
  private final Map<Long, AccountHealth> byId = new ConcurrentHashMap<>();
  private volatile AccountHealth[] members = new AccountHealth[0];
  private volatile Upkeep upkeep = NO_UPKEEP;

  public AccountPool(LongSupplier clock) {
    this.clock = clock;
  }

  public void upkeep(Upkeep upkeep) {
    this.upkeep = upkeep;
  }

  /**
   * Brings the accounts in line with the database: new ones start from their stored state, known
   * ones take the stored fields and keep their live counters and limits, deleted ones go.
   *
   * @param credentialOf decrypts an account's credential, by id; called only for new credentials
   */
  public synchronized void sync(
      Collection<AccountSnapshot> stored, LongFunction<String> credentialOf) {
    List<AccountHealth> next = new ArrayList<>(stored.size());
    for (AccountSnapshot snapshot : stored) {
      AccountHealth account = byId.get(snapshot.id());
      boolean fresh = account == null;
      if (fresh) {
        account = new AccountHealth(snapshot.id());
      }
      boolean credentialChanged =
          snapshot.credentialVersion() != 0
              && (fresh || account.credentialVersion() != snapshot.credentialVersion());
      account.adopt(snapshot, credentialChanged ? credentialOf.apply(snapshot.id()) : null);
      next.add(account);
    }
    Set<Long> kept = new java.util.HashSet<>();
    next.forEach(a -> kept.add(a.id()));
    for (Long id : List.copyOf(byId.keySet())) {
      if (!kept.contains(id)) {
        byId.remove(id);
        affinity.forgetKey(id);
      }
    }
    next.forEach(a -> byId.put(a.id(), a));
    members = next.toArray(new AccountHealth[0]);
  }

  /**
   * Leases an account for one attempt.
   *
   * @param excluded accounts this request tried already
   * @param session the client session's affinity key ({@link
   *     dev.clauderelay.gateway.application.usage.ClientSession#affinityKey()}), or {@code null}
   * @return the lease, or {@code null} when no account can take the request
   */
  public AccountLease lease(Set<Long> excluded, String session) {
    long now = clock.getAsLong();
    if (session != null) {
      long kept = affinity.keyFor(session, now);
      AccountHealth account = kept < 0 ? null : byId.get(kept);
      if (account != null && !excluded.contains(kept) && account.usable(now)) {
        return new AccountLease(this, account, now);
      }
    }
    AccountHealth best = null;
    for (AccountHealth account : members) {
      if (excluded.contains(account.id()) || !account.usable(now)) {
        continue;
      }
      if (best == null || better(account, best, now)) {
        best = account;
      }
    }
    if (best == null) {
      return null;
    }
    if (session != null) {
      affinity.bind(session, best.id(), now);
    }
    return new AccountLease(this, best, now);
  }

  /**
   * Room left in the usage windows first (so a team's subscriptions run out together, not one by
   * one), in steps of {@link #PRESSURE_STEP} so that near-equal accounts fall to the next rules;
   * then the least recently limited, the fewest in flight, the least recently used.
   */
  private static boolean better(AccountHealth a, AccountHealth b, long now) {
    long pa = pressureStep(a, now);
    long pb = pressureStep(b, now);
    if (pa != pb) {
      return pa < pb;
    }
    if (a.lastLimitedMillis() != b.lastLimitedMillis()) {
      return a.lastLimitedMillis() < b.lastLimitedMillis();
    }
    if (a.inFlight() != b.inFlight()) {
      return a.inFlight() < b.inFlight();
    }
    return a.lastUsedMillis() < b.lastUsedMillis();
  }

  /** Windows within this fraction of each other count as equally full. */
  static final double PRESSURE_STEP = 0.05;

  private static long pressureStep(AccountHealth account, long now) {
    return (long) Math.floor(account.pressure(now) / PRESSURE_STEP);
  }

  /**
   * Takes Anthropic's report of the account's usage windows from an answer's headers, if they hold
   * one; stored with the key state, in batches.
   */
  void observeWindows(AccountHealth account, java.net.http.HttpHeaders headers) {
    UnifiedWindows report = UnifiedWindows.parse(headers, now());
    if (report != null) {
      account.observeWindows(report);
    }
  }

  /** Leases this account again (after its token was renewed), or {@code null} if unusable. */
  public AccountLease leaseAgain(long accountId) {
    long now = clock.getAsLong();
    AccountHealth account = byId.get(accountId);
    return account != null && account.usable(now) ? new AccountLease(this, account, now) : null;
  }

  /** Why no account could be leased, for the client's message: counts, never credentials. */
  public KeyPool.Unavailable describeUnavailable(Set<Long> excluded) {
    AccountHealth[] all = members;
    if (all.length == 0) {
      return new KeyPool.Unavailable(
          "no Claude accounts; add one at /api/admin/claude-accounts", 0);
    }
    long now = clock.getAsLong();
    Map<AccountStatus, Integer> counts = new EnumMap<>(AccountStatus.class);
    int tried = 0;
    int refreshing = 0;
    long soonest = Long.MAX_VALUE;
    for (AccountHealth account : all) {
      if (excluded.contains(account.id())) {
        tried++;
        continue;
      }
      if (account.refreshInProgress()) {
        refreshing++;
        continue;
      }
      AccountStatus status = account.status(now);
      counts.merge(status, 1, Integer::sum);
      if (status == AccountStatus.RATE_LIMITED) {
        soonest = Math.min(soonest, account.limitedUntilMillis());
      }
    }
    List<String> parts = new ArrayList<>();
    counts.forEach(
        (status, n) -> {
          if (status != AccountStatus.ACTIVE) {
            parts.add(n + " " + status.name().toLowerCase(Locale.ROOT).replace('_', ' '));
          }
        });
    if (refreshing > 0) {
      parts.add(refreshing + " refreshing its token");
    }
    if (tried > 0) {
      parts.add(tried + " already tried");
    }
    return new KeyPool.Unavailable(
        "no usable Claude account among " + all.length + " (" + String.join(", ", parts) + ")",
        soonest == Long.MAX_VALUE ? 0 : soonest);
  }

  public List<AccountHealth> members() {
    return List.of(members);
  }

  /** The account with this id, or {@code null}. */
  public AccountHealth member(long accountId) {
    return byId.get(accountId);
  }

  long now() {
    return clock.getAsLong();
  }

  void limited(AccountHealth account, long untilMillis, long defaultRestMillis, String reason) {
    long now = now();
    long until = untilMillis > now ? untilMillis : now + defaultRestMillis;
    account.limit(until, now, reason);
    Events told = events;
    if (told != null) {
      told.limited(account.id(), until, reason);
    }
    try {
      upkeep.limited(account.id(), until, now, reason);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not store the rate limit of Claude account " + account.id(), e);
    }
  }

  /** Where the pool reports what other relays of a cluster must see. */
  public void events(Events events) {
    this.events = events;
    affinity.listener(events == null ? null : events::sessionBound);
  }

  /** Takes a rest another relay of the cluster saw. */
  public void applyRemoteLimit(long accountId, long untilMillis, String reason) {
    AccountHealth account = member(accountId);
    if (account != null && untilMillis > now()) {
      account.limitRemote(untilMillis, reason);
    }
  }

  /** Takes a session binding another relay of the cluster made. */
  public void bindRemote(String session, long accountId) {
    affinity.bindQuietly(session, accountId, now());
  }

  void refused(AccountHealth account, String reason) {
    account.markOut(AccountStatus.ERROR, reason, now());
    try {
      upkeep.refused(account.id(), reason);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not store the refusal of Claude account " + account.id(), e);
    }
  }

  /**
   * Refreshes the account's token once, however many requests ask: while it runs, the account is
   * out of the rotation and every asker gets the same answer. A failed refresh takes the account
   * out of use.
   *
   * @return whether the refreshed token may be tried, or {@code null} when nothing can refresh
   */
  CompletionStage<Boolean> refresh(AccountHealth account, String why) {
    synchronized (account) {
      CompletableFuture<Boolean> running = account.refreshing;
      if (running != null) {
        return running;
      }
      CompletionStage<Boolean> started;
      try {
        started = upkeep.refresh(account.id(), why);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not start the refresh of Claude account " + account.id(), e);
        started = null;
      }
      if (started == null) {
        return null;
      }
      CompletableFuture<Boolean> outcome =
          started
              .toCompletableFuture()
              .handle(
                  (ok, error) -> {
                    boolean refreshed = error == null && Boolean.TRUE.equals(ok);
                    synchronized (account) {
                      account.refreshing = null;
                    }
                    if (!refreshed) {
                      account.markOut(
                          AccountStatus.ERROR,
                          "the upstream refused the token and the refresh failed",
                          now());
                    }
                    return refreshed;
                  });
      if (!outcome.isDone()) {
        account.refreshing = outcome;
      }
      return outcome;
    }
  }
}
