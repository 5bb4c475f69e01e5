package dev.clauderelay.gateway.application.budget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Two relays' spend wired as the cluster wires them: each one's costs count on the other. */
class SharedSpendStoreTest {

  private static final long NOW = 1_796_600_000_000L;

  @Test
  void whatOneRelaySpendsCountsOnTheOtherAndSlotsStayEachRelaysOwn() {
    SharedSpendStore[] relays = new SharedSpendStore[2];
    relays[0] =
        new SharedSpendStore(
            new InMemorySpendStore(),
            (key, at, cost, tokens) -> relays[1].addRemote(key, at, cost, tokens));
    relays[1] =
        new SharedSpendStore(
            new InMemorySpendStore(),
            (key, at, cost, tokens) -> relays[0].addRemote(key, at, cost, tokens));

    relays[0].add(7, NOW, 1_000_000, 60);
    relays[0].add(7, NOW + 10, 2_000_000, 60);
    relays[1].add(7, NOW, 2_000_000, 80);
    assertThat(relays[1].spend(7, NOW).dayCostNanos())
        .as("nothing travels before the flush")
        .isEqualTo(2_000_000);
    relays[0].flush();
    relays[1].flush();

    for (SharedSpendStore relay : relays) {
      Spend spend = relay.spend(7, NOW);
      assertThat(spend.dayCostNanos()).isEqualTo(5_000_000);
      assertThat(spend.monthTokens()).isEqualTo(200);
    }
    assertThat(relays[0].enter(7, 1)).isTrue();
    assertThat(relays[1].enter(7, 1)).as("slots are each relay's own").isTrue();
  }
}
