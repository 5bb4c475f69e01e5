package dev.clauderelay.gateway.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.gateway.application.AdminSession;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Two relays' sessions over one shared store, as a cluster's grid holds them. */
class SharedAdminSessionsTest {

  private final MutableClock clock = new MutableClock();
  private final Map<String, String> grid = new ConcurrentHashMap<>();
  private boolean gridDown;

  private final AdminSessions.Shared shared =
      new AdminSessions.Shared() {
        @Override
        public void put(String tokenHash, String username, long expiresAtMillis) {
          check();
          grid.put(tokenHash, username + "\t" + expiresAtMillis);
        }

        @Override
        public Optional<Map.Entry<String, Long>> get(String tokenHash) {
          check();
          String value = grid.get(tokenHash);
          if (value == null) {
            return Optional.empty();
          }
          String[] parts = value.split("\t");
          return Optional.of(new AbstractMap.SimpleEntry<>(parts[0], Long.parseLong(parts[1])));
        }

        @Override
        public void remove(String tokenHash) {
          check();
          grid.remove(tokenHash);
        }

        private void check() {
          if (gridDown) {
            throw new IllegalStateException("the grid did not answer");
          }
        }
      };

  private final AdminSessions relayA = new AdminSessions(clock, Duration.ofMinutes(60), shared);
  private final AdminSessions relayB = new AdminSessions(clock, Duration.ofMinutes(60), shared);

  @Test
  void aSessionOpenedOnOneRelayWorksOnTheOtherAndSigningOutAnywhereEndsIt() {
    AdminSession session = relayA.open("admin");
    assertThat(relayB.find(session.token())).contains(session);
    assertThat(grid.keySet())
        .as("the grid holds a hash, never the token")
        .doesNotContain(session.token());

    relayB.close(session.token());
    assertThat(relayA.find(session.token())).as("signed out on B, gone on A").isEmpty();
  }

  @Test
  void theGridsSessionExpiresLikeALocalOne() {
    AdminSession session = relayA.open("admin");
    clock.advance(Duration.ofMinutes(60));
    assertThat(relayB.find(session.token())).isEmpty();
  }

  @Test
  void whenTheGridDoesNotAnswerTheRelaysOwnCopyDecides() {
    AdminSession session = relayA.open("admin");
    gridDown = true;
    assertThat(relayA.find(session.token())).contains(session);
    assertThat(relayB.find(session.token())).as("B never saw it").isEmpty();
  }
}
