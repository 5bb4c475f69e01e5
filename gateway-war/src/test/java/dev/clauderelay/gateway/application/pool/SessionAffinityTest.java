package dev.clauderelay.gateway.application.pool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionAffinityTest {

  @Test
  void forgetsASessionIdleLongerThanTheTimeToLive() {
    SessionAffinity affinity = new SessionAffinity();
    affinity.bind("s", 3, 0);

    assertThat(affinity.keyFor("s", SessionAffinity.TTL_MILLIS)).isEqualTo(3);
    assertThat(affinity.keyFor("s", 2 * SessionAffinity.TTL_MILLIS)).isEqualTo(3);
    assertThat(affinity.keyFor("s", 3 * SessionAffinity.TTL_MILLIS + 1)).isEqualTo(-1);
    assertThat(affinity.size()).isZero();
  }

  @Test
  void staysWithinItsCapacityByEvictingTheLeastRecentlySeen() {
    SessionAffinity affinity = new SessionAffinity(100);
    for (int i = 0; i < 1_000; i++) {
      affinity.bind("session-" + i, i, i);
    }

    assertThat(affinity.size()).isLessThanOrEqualTo(100);
    assertThat(affinity.keyFor("session-999", 1_000)).isEqualTo(999);
    assertThat(affinity.keyFor("session-0", 1_000)).isEqualTo(-1);
  }

  @Test
  void forgetsTheSessionsOfARemovedKey() {
    SessionAffinity affinity = new SessionAffinity();
    affinity.bind("a", 1, 0);
    affinity.bind("b", 2, 0);

    affinity.forgetKey(1);

    assertThat(affinity.keyFor("a", 1)).isEqualTo(-1);
    assertThat(affinity.keyFor("b", 1)).isEqualTo(2);
  }
}
