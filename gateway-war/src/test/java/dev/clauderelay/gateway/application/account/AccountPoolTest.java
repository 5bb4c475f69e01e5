package dev.clauderelay.gateway.application.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clauderelay.gateway.domain.model.account.AccountAuthType;
import dev.clauderelay.gateway.domain.model.account.AccountStatus;
import dev.clauderelay.gateway.domain.model.provider.ProviderKind;
import dev.clauderelay.plugin.api.ErrorClass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountPoolTest {

  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final AccountPool pool = new AccountPool(clock::get);
  private final RecordingUpkeep upkeep = new RecordingUpkeep();
  private final Map<Long, String> credentials = new HashMap<>();
  private final Map<Long, AccountSnapshot> stored = new LinkedHashMap<>();

  @BeforeEach
  void twoSignedInAccounts() {
    pool.upkeep(upkeep);
    store(oauth(1, "first", "token-1-v1"));
    store(oauth(2, "second", "token-2-v1"));
    sync();
  }

  @Test
  void theLeastRecentlyLimitedAccountIsChosenAndTheBusiestLast() {
    AccountLease a = pool.lease(Set.of(), null);
    AccountLease b = pool.lease(Set.of(), null);
    assertThat(Set.of(a.accountId(), b.accountId())).containsExactlyInAnyOrder(1L, 2L);

    // The first is rate limited and comes back: the never-limited one is preferred from then on.
    leaseOf(1).failed(ErrorClass.RATE_LIMITED, clock.get() + 1_000, "429");
    clock.addAndGet(2_000);
    for (int i = 0; i < 5; i++) {
      AccountLease lease = pool.lease(Set.of(), null);
      assertThat(lease.accountId()).isEqualTo(2);
      lease.succeeded();
      lease.close();
    }
    // Once the second is limited later, the first is the least recently limited.
    leaseOf(2).failed(ErrorClass.RATE_LIMITED, clock.get() + 1_000, "429");
    clock.addAndGet(2_000);
    assertThat(pool.lease(Set.of(), null).accountId()).isEqualTo(1);
  }

  @Test
  void unifiedWindowsFromAnswersSendRequestsToTheAccountWithRoomLeft() {
    // Without reports, the two take turns; the first reports a fuller 5-hour window.
    leaseOf(1).answered(unified("0.80", "0.30", clock.get() / 1000 + 3_600));
    leaseOf(2).answered(unified("0.20", "0.25", clock.get() / 1000 + 3_600));
    for (int i = 0; i < 4; i++) {
      AccountLease lease = pool.lease(Set.of(), null);
      assertThat(lease.accountId()).isEqualTo(2);
      lease.close();
    }
    // The second's weekly window fills past the first's: the order turns.
    leaseOf(2).answered(unified("0.20", "0.95", clock.get() / 1000 + 3_600));
    assertThat(pool.lease(Set.of(), null).accountId()).isEqualTo(1);
    assertThat(pool.member(2).windows().windows()).containsKeys("5h", "7d");
    assertThat(pool.member(2).takeUnwrittenWindows()).isNotNull();
    assertThat(pool.member(2).takeUnwrittenWindows()).isNull();
  }

  @Test
  void aWindowThatHasResetCountsAsRoomAgain() {
    long resetSeconds = clock.get() / 1000 + 60;
    leaseOf(1).answered(unified("0.99", "0.10", resetSeconds));
    leaseOf(2).answered(unified("0.50", "0.10", clock.get() / 1000 + 3_600));
    assertThat(pool.lease(Set.of(), null).accountId()).isEqualTo(2);
    clock.addAndGet(61_000);
    assertThat(pool.member(1).pressure(clock.get())).isEqualTo(0.10, within(1e-9));
    assertThat(pool.lease(Set.of(), null).accountId()).isEqualTo(1);
  }

  private static java.net.http.HttpHeaders unified(
      String fiveHour, String sevenDay, long resetSeconds) {
    Map<String, List<String>> map = new HashMap<>();
    map.put("anthropic-ratelimit-unified-status", List.of("allowed"));
    map.put("anthropic-ratelimit-unified-5h-utilization", List.of(fiveHour));
    map.put("anthropic-ratelimit-unified-5h-reset", List.of(Long.toString(resetSeconds)));
    map.put("anthropic-ratelimit-unified-7d-utilization", List.of(sevenDay));
    map.put("anthropic-ratelimit-unified-7d-reset", List.of(Long.toString(resetSeconds + 86_400)));
    map.put("anthropic-ratelimit-unified-representative-claim", List.of("five_hour"));
    return java.net.http.HttpHeaders.of(map, (a, b) -> true);
  }

  @Test
  void aRateLimitRestsTheAccountUntilTheResetAndIsStored() {
    long reset = clock.get() + 30_000;
    leaseOf(1).failed(ErrorClass.RATE_LIMITED, reset, "rate_limit_error: slow down");

    AccountHealth first = pool.member(1);
    assertThat(first.status(clock.get())).isEqualTo(AccountStatus.RATE_LIMITED);
    assertThat(first.statusReason(clock.get())).contains("slow down");
    assertThat(upkeep.limits).containsExactly("1 until " + reset);
    for (int i = 0; i < 4; i++) {
      assertThat(pool.lease(Set.of(), null).accountId()).isEqualTo(2);
    }
    assertThat(pool.describeUnavailable(Set.of(2L)).reason()).contains("1 rate limited");
    assertThat(pool.describeUnavailable(Set.of(2L)).soonestUsableMillis()).isEqualTo(reset);

    clock.set(reset);
    assertThat(first.status(clock.get())).isEqualTo(AccountStatus.ACTIVE);
    assertThat(pool.lease(Set.of(2L), null).accountId()).isEqualTo(1);
  }

  @Test
  void aLimitWithoutResetRestsAMinuteAndARefreshedTokenDoesNotLiftIt() {
    long now = clock.get();
    leaseOf(1).failed(ErrorClass.RATE_LIMITED, 0, "429");
    assertThat(pool.member(1).limitedUntilMillis())
        .isEqualTo(now + AccountPool.DEFAULT_COOLDOWN.toMillis());

    // The database has not seen the limit yet when a refresh stores a new token.
    store(oauth(1, "first", "token-1-v2"));
    sync();
    assertThat(pool.member(1).status(clock.get())).isEqualTo(AccountStatus.RATE_LIMITED);
  }

  @Test
  void aSessionStaysOnItsAccountWhileUsable() {
    long kept = pool.lease(Set.of(), "session-a").accountId();
    for (int i = 0; i < 5; i++) {
      assertThat(pool.lease(Set.of(), "session-a").accountId()).isEqualTo(kept);
    }
    leaseOf(kept).failed(ErrorClass.RATE_LIMITED, clock.get() + 10_000, "429");
    assertThat(pool.lease(Set.of(), "session-a").accountId()).isNotEqualTo(kept);
  }

  @Test
  void theLeaseAuthorizesWithTheBearerTokenAndTheOAuthBetaOrWithTheApiKey() {
    store(
        new AccountSnapshot(
            3,
            "keyed",
            AccountAuthType.API_KEY,
            AccountStatus.ACTIVE,
            null,
            3,
            "sk-ant-...0003",
            false,
            0,
            0,
            0,
            0));
    credentials.put(3L, "sk-ant-api-key-0003");
    sync();

    Map<String, List<String>> headers = new HashMap<>();
    headers.put("x-api-key", List.of("must-go"));
    headers.put("anthropic-beta", List.of("prompt-caching-2024-07-31, oauth-2025-04-20"));
    leaseOf(1).authorize(ProviderKind.ANTHROPIC, headers);
    assertThat(headers)
        .doesNotContainKey("x-api-key")
        .containsEntry("authorization", List.of("Bearer token-1-v1"))
        .containsEntry("anthropic-beta", List.of("prompt-caching-2024-07-31,oauth-2025-04-20"));

    Map<String, List<String>> keyed = new HashMap<>();
    leaseOf(3).authorize(ProviderKind.ANTHROPIC, keyed);
    assertThat(keyed).containsEntry("x-api-key", List.of("sk-ant-api-key-0003"));
    assertThat(keyed).doesNotContainKey("authorization");
  }

  @Test
  void aRefusedTokenIsRefreshedOnceForEveryRequestThatSawItAndTheAccountRestsMeanwhile() {
    AccountLease one = leaseOf(1);
    AccountLease two = leaseOf(1);

    CompletionStage<Boolean> first = one.renewAfterRefusal("401");
    CompletionStage<Boolean> second = two.renewAfterRefusal("401");

    assertThat(upkeep.refreshes).containsExactly(1L);
    assertThat(second).isSameAs(first);
    assertThat(pool.member(1).refreshInProgress()).isTrue();
    assertThat(pool.lease(Set.of(2L), null)).as("refreshing accounts are skipped").isNull();
    assertThat(pool.describeUnavailable(Set.of(2L)).reason()).contains("1 refreshing its token");

    // The refresh stores the new token, the relay syncs, then the refresh completes.
    store(oauth(1, "first", "token-1-v2"));
    sync();
    upkeep.pending.complete(true);

    assertThat(first.toCompletableFuture().join()).isTrue();
    AccountLease again = pool.leaseAgain(1);
    Map<String, List<String>> headers = new HashMap<>();
    again.authorize(ProviderKind.ANTHROPIC, headers);
    assertThat(headers.get("authorization")).containsExactly("Bearer token-1-v2");

    // A request that leased the old token after the refresh tries the new one without another.
    AccountLease stale = leaseWithVersion(1, "token-1-v1");
    assertThat(stale.renewAfterRefusal("401").toCompletableFuture().join()).isTrue();
    assertThat(upkeep.refreshes).containsExactly(1L);
  }

  @Test
  void aFailedRefreshTakesTheAccountOutOfUse() {
    CompletionStage<Boolean> renewal = leaseOf(1).renewAfterRefusal("401");
    upkeep.pending.complete(false);

    assertThat(renewal.toCompletableFuture().join()).isFalse();
    assertThat(pool.member(1).status(clock.get())).isEqualTo(AccountStatus.ERROR);
    assertThat(pool.leaseAgain(1)).isNull();
    for (int i = 0; i < 3; i++) {
      assertThat(pool.lease(Set.of(), null).accountId()).isEqualTo(2);
    }
  }

  @Test
  void aRefusedApiKeyOrAFreshTokenRefusedAgainTakesTheAccountOut() {
    AccountLease lease = leaseOf(2);
    lease.failed(ErrorClass.KEY_INVALID, 0, "authentication_error: invalid x-api-key");

    assertThat(pool.member(2).status(clock.get())).isEqualTo(AccountStatus.ERROR);
    assertThat(pool.member(2).statusReason(clock.get())).contains("refused the account");
    assertThat(upkeep.refusals).containsExactly(2L);
    assertThat(pool.lease(Set.of(), null).accountId()).isEqualTo(1);
  }

  @Test
  void aVerdictOfTheRequestPathSurvivesARebuildFromOlderDataButNotNewTokens() {
    clock.addAndGet(1_000);
    leaseOf(2).failed(ErrorClass.KEY_INVALID, 0, "invalid x-api-key");
    clock.addAndGet(10);

    sync(); // another change rebuilt the relay before the refusal was stored
    assertThat(pool.member(2).status(clock.get())).isEqualTo(AccountStatus.ERROR);

    store(oauth(2, "second", "token-2-v2")); // an admin signed it in again
    sync();
    assertThat(pool.member(2).status(clock.get())).isEqualTo(AccountStatus.ACTIVE);
  }

  @Test
  void outOfUseAccountsAndDeletedOnesAreNeverLeasedAndTheReasonSaysWhy() {
    store(
        new AccountSnapshot(
            2,
            "second",
            AccountAuthType.OAUTH,
            AccountStatus.EXPIRED,
            "refresh failed (scheduled): invalid_grant",
            7,
            "sk-ant-...0002",
            true,
            0,
            0,
            0,
            clock.get()));
    sync();
    assertThat(pool.lease(Set.of(1L), null)).isNull();
    assertThat(pool.describeUnavailable(Set.of(1L)).reason())
        .isEqualTo("no usable Claude account among 2 (1 expired, 1 already tried)");

    stored.clear();
    sync();
    assertThat(pool.lease(Set.of(), null)).isNull();
    assertThat(pool.describeUnavailable(Set.of()).reason()).contains("no Claude accounts");
  }

  @Test
  void theInFlightCountFollowsLeasesAndOutcomesCountOnce() {
    AccountLease lease = leaseOf(1);
    assertThat(pool.member(1).inFlight()).isEqualTo(1);
    lease.succeeded();
    lease.failed(ErrorClass.RATE_LIMITED, 0, "too late to count");
    lease.close();
    lease.close();
    AccountHealth first = pool.member(1);
    assertThat(first.inFlight()).isZero();
    assertThat(first.successes()).isEqualTo(1);
    assertThat(first.failures()).isZero();
    assertThat(first.status(clock.get())).isEqualTo(AccountStatus.ACTIVE);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private AccountSnapshot oauth(long id, String name, String token) {
    credentials.put(id, token);
    return new AccountSnapshot(
        id,
        name,
        AccountAuthType.OAUTH,
        AccountStatus.ACTIVE,
        null,
        token.hashCode() | 1,
        "sk-ant-...",
        true,
        clock.get() + 3_600_000,
        0,
        0,
        clock.get());
  }

  private void store(AccountSnapshot snapshot) {
    stored.put(snapshot.id(), snapshot);
  }

  private void sync() {
    pool.sync(new ArrayList<>(stored.values()), credentials::get);
  }

  /** A lease of exactly this account, whichever the pool would choose. */
  private AccountLease leaseOf(long id) {
    AccountHealth account = pool.member(id);
    return new AccountLease(pool, account, clock.get());
  }

  private AccountLease leaseWithVersion(long id, String oldToken) {
    AccountSnapshot current = stored.get(id);
    String newToken = credentials.get(id);
    store(oauth(id, current.name(), oldToken));
    sync();
    AccountLease lease = leaseOf(id);
    store(oauth(id, current.name(), newToken));
    sync();
    return lease;
  }

  private static final class RecordingUpkeep implements AccountPool.Upkeep {
    final List<Long> refreshes = new ArrayList<>();
    final List<String> limits = new ArrayList<>();
    final List<Long> refusals = new ArrayList<>();
    CompletableFuture<Boolean> pending = new CompletableFuture<>();

    @Override
    public CompletionStage<Boolean> refresh(long accountId, String why) {
      refreshes.add(accountId);
      return pending;
    }

    @Override
    public void limited(long accountId, long untilMillis, long atMillis, String reason) {
      limits.add(accountId + " until " + untilMillis);
    }

    @Override
    public void refused(long accountId, String reason) {
      refusals.add(accountId);
    }
  }
}
