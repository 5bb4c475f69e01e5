package dev.clauderelay.gateway.application.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.gateway.application.budget.Budget;
import dev.clauderelay.gateway.application.topology.ClientKeyView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client key's per-minute limit across two relays wired as a cluster wires them. */
class ClientKeyClusterLimitTest {

  private static final ClientKeyView KEY =
      new ClientKeyView(42, "team", true, List.of(), 10, 0, Budget.NONE);

  @Test
  void aLimitOfTenAMinuteLetsTenThroughAcrossBothRelays() {
    ClientKeyAuthenticator relayA = new ClientKeyAuthenticator();
    ClientKeyAuthenticator relayB = new ClientKeyAuthenticator();
    relayA.onCounted(relayB::countRemote);
    relayB.onCounted(relayA::countRemote);

    int allowed = 0;
    for (int i = 0; i < 20; i++) {
      if ((i % 2 == 0 ? relayA : relayB).acquire(KEY) == 0) {
        allowed++;
      }
    }
    assertThat(allowed).isEqualTo(10);
  }

  @Test
  void anotherMinutesCountsDoNotCount() {
    ClientKeyAuthenticator relay = new ClientKeyAuthenticator();
    long lastMinute = System.currentTimeMillis() / 60_000 - 1;
    for (int i = 0; i < 50; i++) {
      relay.countRemote(KEY.id(), lastMinute);
    }
    assertThat(relay.acquire(KEY)).as("last minute's traffic elsewhere").isZero();
  }
}
