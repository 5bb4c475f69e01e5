package dev.clauderelay.gateway.application.pool;

import static dev.clauderelay.gateway.application.pool.TestPools.FIRST;
import static dev.clauderelay.gateway.application.pool.TestPools.ROUND_ROBIN;
import static dev.clauderelay.gateway.application.pool.TestPools.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.plugin.api.ErrorClass;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.KeyCandidates;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.SelectionContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pool's states, limits and recovery, on a clock the tests move. */
class KeyPoolTest {

  private final TestPools test = new TestPools();

  private KeyLease lease(KeyPool pool, String model) {
    return pool.lease(ROUND_ROBIN, model, Set.of());
  }

  private Set<Long> keysLeased(KeyPool pool, String model, int times) {
    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < times; i++) {
      try (KeyLease lease = lease(pool, model)) {
        if (lease != null) {
          ids.add(lease.key().keyId());
          lease.succeeded();
        }
      }
    }
    return ids;
  }

  @Test
  void aRateLimitedKeyRestsUntilItsRetryTimeThenReturnsByItself() {
    KeyPool pool = test.pool(2);
    try (KeyLease lease = pool.lease(FIRST, "m", Set.of())) {
      lease.failed(ErrorClass.RATE_LIMITED, T0 + 30_000, "upstream rate limited (HTTP 429)");
    }

    KeyHealth first = pool.member(1);
    assertThat(first.status()).isEqualTo(KeyStatus.COOLING_DOWN);
    assertThat(first.statusUntilMillis()).isEqualTo(T0 + 30_000);
    assertThat(keysLeased(pool, "m", 10)).containsExactly(2L);

    test.advance(29_999);
    assertThat(keysLeased(pool, "m", 10)).containsExactly(2L);
    test.advance(1);
    assertThat(keysLeased(pool, "m", 10)).containsExactlyInAnyOrder(1L, 2L);
    assertThat(first.status()).isEqualTo(KeyStatus.ACTIVE);
    assertThat(first.rateLimited()).isEqualTo(1);
  }

  @Test
  void aRateLimitWithoutATimeRestsTheDefaultCooldown() {
    KeyPool pool = test.pool(1);
    try (KeyLease lease = lease(pool, "m")) {
      lease.failed(ErrorClass.RATE_LIMITED, 0, "slow down");
    }

    assertThat(pool.member(1).statusUntilMillis())
        .isEqualTo(T0 + KeyLease.DEFAULT_COOLDOWN.toMillis());
    assertThat(lease(pool, "m")).isNull();
  }

  @Test
  void anOverloadedOrFailingUpstreamNeverRestsTheKey() {
    KeyPool pool = test.pool(1);
    for (ErrorClass errorClass : List.of(ErrorClass.OVERLOADED, ErrorClass.UPSTREAM_ERROR)) {
      try (KeyLease lease = lease(pool, "m")) {
        lease.failed(errorClass, T0 + 3_600_000, "busy");
      }
    }

    KeyHealth key = pool.member(1);
    assertThat(key.status()).isEqualTo(KeyStatus.ACTIVE);
    assertThat(key.failures()).isEqualTo(2);
    assertThat(key.outcomes(ErrorClass.OVERLOADED)).isEqualTo(1);
    assertThat(key.outcomes(ErrorClass.UPSTREAM_ERROR)).isEqualTo(1);
    assertThat(keysLeased(pool, "m", 1)).containsExactly(1L);
  }

  @Test
  void anExhaustedKeyReturnsAtItsQuotaReset() {
    KeyPool pool = test.pool(2);
    long reset = T0 + 10 * 3_600_000L;
    try (KeyLease lease = pool.lease(FIRST, "m", Set.of())) {
      lease.failed(ErrorClass.QUOTA_EXHAUSTED, reset, "credit used up");
    }

    test.advance(reset - T0 - 1);
    assertThat(keysLeased(pool, "m", 6)).containsExactly(2L);
    test.advance(1);
    assertThat(keysLeased(pool, "m", 6)).containsExactlyInAnyOrder(1L, 2L);
  }

  @Test
  void aRefusedKeyGetsNoTrafficUntilAProbePassesAndIsProbedLessOftenWhileRefused() {
    KeyPool pool = test.pool(2);
    try (KeyLease lease = pool.lease(FIRST, "m", Set.of())) {
      lease.failed(ErrorClass.KEY_INVALID, 0, "upstream key refused (HTTP 401)");
    }
    KeyHealth refused = pool.member(1);
    long firstProbe = KeyLease.FIRST_PROBE_DELAY.toMillis();

    assertThat(refused.status()).isEqualTo(KeyStatus.INVALID);
    assertThat(keysLeased(pool, "m", 20)).containsExactly(2L);
    test.advance(24 * 3_600_000L);
    assertThat(keysLeased(pool, "m", 20))
        .as("invalid keys never return by time")
        .containsExactly(2L);

    // Due since long ago: probed, refused again; the next probe waits the first delay, then twice.
    assertThat(pool.dueForProbe(10)).containsExactly(refused);
    ProbeResult refusedAgain = new ProbeResult(401, ErrorClass.KEY_INVALID, "refused", 0, 5);
    assertThat(pool.applyProbe(refused, refusedAgain, firstProbe, 6 * 3_600_000L)).isFalse();
    assertThat(refused.nextProbeMillis()).isEqualTo(test.clock.get() + firstProbe);
    assertThat(pool.dueForProbe(10)).isEmpty();
    test.advance(firstProbe);
    pool.applyProbe(refused, refusedAgain, firstProbe, 6 * 3_600_000L);
    assertThat(refused.nextProbeMillis()).isEqualTo(test.clock.get() + 2 * firstProbe);

    test.advance(2 * firstProbe);
    assertThat(pool.applyProbe(refused, new ProbeResult(200, null, "ok", 0, 5), firstProbe, 1))
        .isTrue();
    assertThat(refused.status()).isEqualTo(KeyStatus.ACTIVE);
    assertThat(keysLeased(pool, "m", 20)).containsExactlyInAnyOrder(1L, 2L);
  }

  @Test
  void aProbeThatIsOnlyRateLimitedProvesTheKeyValidAndRestsItInstead() {
    KeyPool pool = test.pool(1);
    try (KeyLease lease = lease(pool, "m")) {
      lease.failed(ErrorClass.KEY_INVALID, 0, "refused");
    }
    KeyHealth key = pool.member(1);

    pool.applyProbe(
        key, new ProbeResult(429, ErrorClass.RATE_LIMITED, "slow", T0 + 5_000, 3), 1_000, 10_000);

    assertThat(key.status()).isEqualTo(KeyStatus.COOLING_DOWN);
    assertThat(key.statusUntilMillis()).isEqualTo(T0 + 5_000);
    test.advance(5_000);
    assertThat(keysLeased(pool, "m", 1)).containsExactly(1L);
  }

  @Test
  void maintenanceRecoversDueKeysWithoutTraffic() {
    KeyPool pool = test.pool(2);
    try (KeyLease lease = pool.lease(FIRST, "m", Set.of())) {
      lease.failed(ErrorClass.RATE_LIMITED, T0 + 1_000, "slow");
    }

    assertThat(pool.recoverDue()).isEmpty();
    test.advance(1_000);
    assertThat(pool.recoverDue()).extracting(KeyHealth::keyId).containsExactly(1L);
    assertThat(pool.member(1).status()).isEqualTo(KeyStatus.ACTIVE);
    assertThat(pool.member(1).statusReason()).isEqualTo("recovered after cooling down");
  }

  @Test
  void aKeyOutOfOneModelsQuotaStillServesOtherModelsUntilTheReset() {
    KeyPool pool = test.pool(2);
    long midnight = T0 + 10 * 3_600_000L;
    ErrorClassification perDay =
        new ErrorClassification(
            ErrorClass.QUOTA_EXHAUSTED, midnight, ErrorType.RATE_LIMIT, "daily quota", "pro");
    try (KeyLease lease = pool.lease(FIRST, "gemini-2.5-pro", Set.of())) {
      lease.failed(perDay);
    }
    KeyHealth key = pool.member(1);

    assertThat(key.status()).isEqualTo(KeyStatus.ACTIVE);
    assertThat(key.modelLimits(test.clock.get()))
        .singleElement()
        .satisfies(m -> assertThat(m.model()).isEqualTo("gemini-2.5-pro"));
    assertThat(keysLeased(pool, "gemini-2.5-pro", 10)).containsExactly(2L);
    assertThat(keysLeased(pool, "gemini-2.5-flash", 10)).containsExactlyInAnyOrder(1L, 2L);
    assertThat(pool.countsByState()).containsEntry("limited_for_a_model", 1);

    test.advance(midnight - T0);
    assertThat(keysLeased(pool, "gemini-2.5-pro", 10)).containsExactlyInAnyOrder(1L, 2L);
    assertThat(key.modelLimits(test.clock.get())).isEmpty();
  }

  @Test
  void aLimitThatBindsTheWholeKeyRestsItForEveryModel() {
    KeyPool pool = test.pool(2);
    try (KeyLease lease = pool.lease(FIRST, "gemini-2.5-pro", Set.of())) {
      lease.failed(
          new ErrorClassification(
              ErrorClass.QUOTA_EXHAUSTED, T0 + 60_000, ErrorType.RATE_LIMIT, "project quota"));
    }

    assertThat(keysLeased(pool, "gemini-2.5-flash", 10)).containsExactly(2L);
  }

  @Test
  void aKeyAtItsConcurrencyLimitIsPassedOverUntilALeaseCloses() {
    KeyPool pool = test.pool(2, 0, 1, false);
    KeyLease first = pool.lease(FIRST, "m", Set.of());
    KeyLease second = pool.lease(FIRST, "m", Set.of());

    assertThat(first.key().keyId()).isEqualTo(1);
    assertThat(second.key().keyId()).isEqualTo(2);
    assertThat(pool.lease(FIRST, "m", Set.of())).isNull();
    assertThat(pool.describeUnavailable("m", Set.of()).reason())
        .contains("2 at their concurrency or per-minute limit");

    first.close();
    first.close(); // twice is harmless
    try (KeyLease third = pool.lease(FIRST, "m", Set.of())) {
      assertThat(third.key().keyId()).isEqualTo(1);
    }
    second.close();
    assertThat(pool.member(1).inFlight()).isZero();
    assertThat(pool.member(2).inFlight()).isZero();
  }

  @Test
  void aKeyPredictedOverItsPerMinuteLimitIsSkippedBeforeItEarnsA429() {
    KeyPool pool = test.pool(1, 3, 0, false);
    for (int i = 0; i < 3; i++) {
      try (KeyLease lease = lease(pool, "m")) {
        assertThat(lease).isNotNull();
      }
    }

    assertThat(lease(pool, "m")).isNull();
    test.advance(59_999);
    assertThat(lease(pool, "m")).as("the first three were within the last minute").isNull();
    test.advance(1_000);
    assertThat(lease(pool, "m")).isNotNull();
  }

  @Test
  void aSessionStaysOnItsKeyWhileTheKeyIsHealthyThenMovesAndStaysThere() {
    KeyPool pool = test.pool(4, 0, 0, true);
    long sessionKey;
    try (KeyLease lease = pool.lease(ROUND_ROBIN, "m", Set.of(), "user_a_session_1")) {
      sessionKey = lease.key().keyId();
    }
    for (int i = 0; i < 10; i++) {
      try (KeyLease lease = pool.lease(ROUND_ROBIN, "m", Set.of(), "user_a_session_1")) {
        assertThat(lease.key().keyId()).isEqualTo(sessionKey);
      }
    }
    Set<Long> others = keysLeased(pool, "m", 8);
    assertThat(others).hasSize(4);

    try (KeyLease lease = pool.lease(ROUND_ROBIN, "m", Set.of(), "user_a_session_1")) {
      lease.failed(ErrorClass.RATE_LIMITED, T0 + 60_000, "slow");
    }
    long movedTo;
    try (KeyLease lease = pool.lease(ROUND_ROBIN, "m", Set.of(), "user_a_session_1")) {
      movedTo = lease.key().keyId();
    }
    assertThat(movedTo).isNotEqualTo(sessionKey);
    for (int i = 0; i < 5; i++) {
      try (KeyLease lease = pool.lease(ROUND_ROBIN, "m", Set.of(), "user_a_session_1")) {
        assertThat(lease.key().keyId()).isEqualTo(movedTo);
      }
    }
  }

  @Test
  void withoutSessionAffinityTheStrategyAloneDecides() {
    KeyPool pool = test.pool(3);
    Set<Long> used = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      try (KeyLease lease = pool.lease(ROUND_ROBIN, "m", Set.of(), "user_a_session_1")) {
        used.add(lease.key().keyId());
      }
    }
    assertThat(used).hasSize(3);
    assertThat(pool.affineSessions()).isZero();
  }

  @Test
  void keysTheRequestAlreadyTriedArePassedOverAndTheReasonSaysSo() {
    KeyPool pool = test.pool(3);
    Set<Long> tried = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      try (KeyLease lease = pool.lease(FIRST, "m", tried)) {
        assertThat(tried.add(lease.key().keyId())).isTrue();
      }
    }

    assertThat(pool.lease(FIRST, "m", tried)).isNull();
    assertThat(pool.describeUnavailable("m", tried).reason()).contains("3 already tried");
  }

  @Test
  void theReasonForNoKeyNamesRestingKeysAndWhenTheFirstReturns() {
    KeyPool pool = test.pool(2);
    try (KeyLease lease = pool.lease(FIRST, "m", Set.of())) {
      lease.failed(ErrorClass.RATE_LIMITED, T0 + 20_000, "slow");
    }
    try (KeyLease lease = pool.lease(FIRST, "m", Set.of())) {
      lease.failed(ErrorClass.KEY_INVALID, 0, "refused");
    }

    KeyPool.Unavailable why = pool.describeUnavailable("m", Set.of());
    assertThat(why.reason()).contains("1 cooling down or exhausted", "1 invalid");
    assertThat(why.soonestUsableMillis()).isEqualTo(T0 + 20_000);
  }

  @Test
  void anAdminsDecisionWinsOverTheLiveStateWhileOtherRebuildsKeepIt() {
    KeyPool pool = test.pool(2);
    try (KeyLease lease = pool.lease(FIRST, "m", Set.of())) {
      lease.failed(ErrorClass.KEY_INVALID, 0, "refused");
      lease.key().counters.totalRequests.addAndGet(41);
    }
    // A rebuild for another change: the database still says ACTIVE at revision 0.
    test.sync(
        List.of(
            TestPools.snapshot(1, KeyStatus.ACTIVE, 0, 0, 0, 0),
            TestPools.snapshot(2, KeyStatus.ACTIVE, 0, 0, 0, 0)),
        false);
    assertThat(pool.member(1).status()).isEqualTo(KeyStatus.INVALID);
    assertThat(pool.member(1).totalRequests()).isEqualTo(42);

    // The admin re-enables key 1 and disables key 2: revision 1 each.
    test.sync(
        List.of(
            TestPools.snapshot(1, KeyStatus.ACTIVE, 1, 0, 0, 0),
            TestPools.snapshot(2, KeyStatus.DISABLED, 1, 0, 0, 0)),
        false);
    assertThat(pool.member(1).status()).isEqualTo(KeyStatus.ACTIVE);
    assertThat(pool.member(1).totalRequests()).as("counters survive").isEqualTo(42);
    assertThat(keysLeased(pool, "m", 5)).containsExactly(1L);

    // Traffic never lifts an admin's disable.
    KeyHealth disabled = pool.member(2);
    assertThat(disabled.rest(KeyStatus.COOLING_DOWN, T0 + 1, "slow")).isFalse();
    assertThat(disabled.markInvalid("refused", T0, 1)).isFalse();
    assertThat(disabled.status()).isEqualTo(KeyStatus.DISABLED);
  }

  @Test
  void aDeletedKeyLeavesThePoolAndItsSessions() {
    KeyPool pool = test.pool(2, 0, 0, true);
    try (KeyLease lease = pool.lease(FIRST, "m", Set.of(), "s")) {
      assertThat(lease.key().keyId()).isEqualTo(1);
    }
    test.sync(List.of(TestPools.snapshot(2, KeyStatus.ACTIVE, 0, 0, 0, 0)), true);

    assertThat(pool.member(1)).isNull();
    assertThat(pool.affineSessions()).isZero();
    try (KeyLease lease = pool.lease(FIRST, "m", Set.of(), "s")) {
      assertThat(lease.key().keyId()).isEqualTo(2);
    }
  }

  @Test
  void aStrategyWithAQuotaWindowSeesEachKeysRequestsForTheModelSinceTheWindowBegan() {
    KeyPool pool = test.pool(2);
    List<long[]> seen = new ArrayList<>();
    long[] window = {T0};
    KeySelectionStrategy windowed =
        new KeySelectionStrategy() {
          @Override
          public String id() {
            return "windowed";
          }

          @Override
          public long quotaWindowStart(String model, long nowEpochMillis) {
            return window[0];
          }

          @Override
          public int select(KeyCandidates candidates, SelectionContext context) {
            seen.add(
                new long[] {candidates.get(0).modelRequests(), candidates.get(1).modelRequests()});
            return 0;
          }
        };
    for (int i = 0; i < 3; i++) {
      pool.lease(windowed, "pro", Set.of()).close();
    }
    pool.lease(windowed, "flash", Set.of()).close();

    assertThat(seen.get(2)).containsExactly(2, 0);
    assertThat(seen.get(3)).as("another model has its own count").containsExactly(0, 0);
    test.advance(1);
    window[0] = T0 + 1;
    pool.lease(windowed, "pro", Set.of()).close();
    assertThat(seen.get(4)).as("a new window starts from zero").containsExactly(0, 0);
  }

  @Test
  void aFailingStrategyDegradesToTheFirstKeyInsteadOfFailingTheRequest() {
    KeyPool pool = test.pool(3);
    KeySelectionStrategy broken =
        new KeySelectionStrategy() {
          @Override
          public String id() {
            return "broken";
          }

          @Override
          public int select(KeyCandidates candidates, SelectionContext context) {
            throw new IllegalStateException("bug");
          }
        };

    try (KeyLease lease = pool.lease(broken, "m", Set.of())) {
      assertThat(lease.key().keyId()).isEqualTo(1);
    }
  }

  @Test
  void theClientsOwnMistakeCountsAsHealthyAndLatencyRunsFromLeaseToOutcome() {
    KeyPool pool = test.pool(1);
    try (KeyLease lease = lease(pool, "m")) {
      test.advance(250);
      lease.failed(ErrorClass.CLIENT_ERROR, 0, "bad request");
      lease.succeeded(); // only the first outcome counts
    }
    try (KeyLease lease = lease(pool, "m")) {
      test.advance(750);
      lease.succeeded();
    }

    KeyHealth key = pool.member(1);
    assertThat(key.successes()).isEqualTo(2);
    assertThat(key.failures()).isZero();
    assertThat(key.outcomes(ErrorClass.CLIENT_ERROR)).isEqualTo(1);
    assertThat(key.averageLatencyMillis()).isEqualTo(500);
    assertThat(key.status()).isEqualTo(KeyStatus.ACTIVE);
  }

  @Test
  void aPoolRestoredFromTheDatabaseResumesRestsCountersAndPerModelLimits() {
    // What KeyStateWriter stored before a restart, as TopologyService reads it back.
    KeySnapshot.ModelSnapshot proExhausted =
        new KeySnapshot.ModelSnapshot(
            "gemini-2.5-pro", KeyStatus.EXHAUSTED, T0 + 3_600_000, "daily quota", T0 - 1_000, 250);
    KeySnapshot cooling =
        new KeySnapshot(
            1,
            TestPools.PROVIDER,
            1,
            "sk-...0001",
            null,
            1,
            0,
            0,
            T0,
            3,
            KeyStatus.COOLING_DOWN,
            T0 + 30_000,
            "rate limited",
            120,
            100,
            20,
            15,
            1,
            2,
            1,
            1,
            4,
            12_000,
            100,
            T0 - 5,
            "upstream rate limited (HTTP 429)",
            T0 - 5,
            List.of());
    KeySnapshot withModelLimit =
        new KeySnapshot(
            2,
            TestPools.PROVIDER,
            1,
            "sk-...0002",
            null,
            1,
            0,
            0,
            T0,
            0,
            KeyStatus.ACTIVE,
            0,
            null,
            7,
            7,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            null,
            0,
            List.of(proExhausted));
    KeySnapshot invalid = TestPools.snapshot(3, KeyStatus.INVALID, 0, 0, 0, 0);
    test.sync(List.of(cooling, withModelLimit, invalid), false);
    KeyPool pool = test.pools.pool(TestPools.PROVIDER);

    KeyHealth first = pool.member(1);
    assertThat(first.status()).isEqualTo(KeyStatus.COOLING_DOWN);
    assertThat(first.totalRequests()).isEqualTo(120);
    assertThat(first.rateLimited()).isEqualTo(15);
    assertThat(first.outcomes(ErrorClass.KEY_INVALID)).isEqualTo(1);
    assertThat(first.outcomes(ErrorClass.CLIENT_ERROR)).isEqualTo(4);
    assertThat(first.averageLatencyMillis()).isEqualTo(120);
    assertThat(first.adminRevision()).isEqualTo(3);
    assertThat(keysLeased(pool, "gemini-2.5-pro", 6))
        .as("1 rests, 2 is out of pro, 3 invalid")
        .isEmpty();
    assertThat(keysLeased(pool, "gemini-2.5-flash", 6)).containsExactly(2L);
    assertThat(pool.dueForProbe(10))
        .as("probed soon after a start")
        .extracting(KeyHealth::keyId)
        .containsExactly(3L);

    test.advance(30_000);
    assertThat(keysLeased(pool, "gemini-2.5-flash", 6)).containsExactlyInAnyOrder(1L, 2L);
    assertThat(keysLeased(pool, "gemini-2.5-pro", 6)).containsExactly(1L);
  }
}
