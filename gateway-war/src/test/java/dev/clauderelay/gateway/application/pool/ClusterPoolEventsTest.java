package dev.clauderelay.gateway.application.pool;

import static dev.clauderelay.gateway.application.pool.TestPools.FIRST;
import static dev.clauderelay.gateway.application.pool.TestPools.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.plugin.api.ErrorClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a relay tells the others of a cluster, and what it takes from them: two pools stand for two
 * relays, wired as the cluster wires them (events out of one, applied to the other).
 */
class ClusterPoolEventsTest {

  private final TestPools relayA = new TestPools();
  private final TestPools relayB = new TestPools();
  private final List<String> sent = new ArrayList<>();

  ClusterPoolEventsTest() {
    relayA.pools.events(
        new PoolEvents() {
          @Override
          public void keyStatusChanged(KeyHealth key) {
            sent.add("key " + key.keyId() + " " + key.status());
            relayB.pools.applyRemoteStatus(
                key.keyId(), key.status(), key.statusUntilMillis(), key.statusReason());
          }

          @Override
          public void keyModelRested(
              long keyId, String model, KeyStatus status, long untilMillis, String reason) {
            sent.add("model " + keyId + " " + model);
            relayB.pools.applyRemoteModelRest(keyId, model, status, untilMillis, reason);
          }

          @Override
          public void sessionBound(String scope, String session, long credentialId) {
            sent.add("session " + scope + " " + session + " " + credentialId);
            relayB.pools.existing(TestPools.PROVIDER).bindRemote(session, credentialId);
          }
        });
  }

  @Test
  void aRateLimitOnOneRelayRestsTheKeyOnTheOtherUntilTheSameTime() {
    KeyPool poolA = relayA.pool(2);
    KeyPool poolB = relayB.pool(2);
    try (KeyLease lease = poolA.lease(FIRST, "m", Set.of())) {
      lease.failed(ErrorClass.RATE_LIMITED, T0 + 30_000, "upstream rate limited (HTTP 429)");
    }

    KeyHealth onB = poolB.member(1);
    assertThat(onB.status()).isEqualTo(KeyStatus.COOLING_DOWN);
    assertThat(onB.statusUntilMillis()).isEqualTo(T0 + 30_000);
    assertThat(onB.rateLimited()).as("the counters stay each relay's own").isZero();
    try (KeyLease lease = poolB.lease(FIRST, "m", Set.of())) {
      assertThat(lease.keyId()).as("B leases the other key").isEqualTo(2L);
    }
    assertThat(sent).containsExactly("key 1 COOLING_DOWN");
  }

  @Test
  void anInvalidKeyOnOneRelayIsInvalidOnTheOtherAndAPassedProbeBringsItBackEverywhere() {
    KeyPool poolA = relayA.pool(1);
    KeyPool poolB = relayB.pool(1);
    try (KeyLease lease = poolA.lease(FIRST, "m", Set.of())) {
      lease.failed(ErrorClass.KEY_INVALID, 0, "HTTP 401");
    }
    assertThat(poolB.member(1).status()).isEqualTo(KeyStatus.INVALID);

    poolA.applyProbe(poolA.member(1), new ProbeResult(200, null, "ok", 0, 12), 60_000, 3_600_000);
    assertThat(poolA.member(1).status()).isEqualTo(KeyStatus.ACTIVE);
    assertThat(poolB.member(1).status()).isEqualTo(KeyStatus.ACTIVE);
  }

  @Test
  void anAdminsDisabledKeyStaysDisabledWhateverTheOtherRelaySaw() {
    relayB.sync(List.of(TestPools.snapshot(1, KeyStatus.DISABLED, 2, 0, 0, 0)), false);
    relayB.pools.applyRemoteStatus(1, KeyStatus.COOLING_DOWN, T0 + 30_000, "429 elsewhere");
    relayB.pools.applyRemoteStatus(1, KeyStatus.INVALID, 0, "401 elsewhere");
    assertThat(relayB.pools.key(1).status()).isEqualTo(KeyStatus.DISABLED);
  }

  @Test
  void aRestThatEndedWhileTravellingIsIgnored() {
    relayB.pool(1);
    relayB.pools.applyRemoteStatus(1, KeyStatus.COOLING_DOWN, T0 - 1, "old news");
    assertThat(relayB.pools.key(1).status()).isEqualTo(KeyStatus.ACTIVE);
  }

  @Test
  void aSessionKeepsItsKeyOnTheOtherRelay() {
    KeyPool poolA = relayA.pool(2, 0, 0, true);
    KeyPool poolB = relayB.pool(2, 0, 0, true);
    try (KeyLease lease = poolA.lease(TestPools.ROUND_ROBIN, "m", Set.of(), "session-1")) {
      lease.succeeded();
    }
    String bound = sent.get(sent.size() - 1);
    long keyOnA = Long.parseLong(bound.substring(bound.lastIndexOf(' ') + 1));
    for (int i = 0; i < 4; i++) {
      try (KeyLease lease = poolB.lease(TestPools.ROUND_ROBIN, "m", Set.of(), "session-1")) {
        assertThat(lease.keyId()).as("B keeps the session on A's key").isEqualTo(keyOnA);
        lease.succeeded();
      }
    }
    assertThat(sent).as("the same key again is no news").hasSize(1);
  }
}
