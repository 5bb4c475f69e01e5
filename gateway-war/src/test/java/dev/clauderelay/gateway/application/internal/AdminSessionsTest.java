package dev.clauderelay.gateway.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.gateway.application.AdminSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdminSessionsTest {

  private final MutableClock clock = new MutableClock();
  private final AdminSessions sessions = new AdminSessions(clock, Duration.ofMinutes(60));

  @Test
  void aSessionWorksUntilItsExpiryAndNotAMomentLonger() {
    AdminSession session = sessions.open("admin");
    assertThat(session.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(60)));

    clock.advance(Duration.ofMinutes(59).plusSeconds(59));
    assertThat(sessions.find(session.token())).contains(session);

    clock.advance(Duration.ofSeconds(1));
    assertThat(sessions.find(session.token())).isEmpty();
    assertThat(sessions.size()).as("an expired session is forgotten when shown").isZero();
  }

  @Test
  void signingOutEndsOnlyThatSession() {
    AdminSession first = sessions.open("admin");
    AdminSession second = sessions.open("admin");
    assertThat(first.token()).isNotEqualTo(second.token()).startsWith("rla_");

    sessions.close(first.token());

    assertThat(sessions.find(first.token())).isEmpty();
    assertThat(sessions.find(second.token())).contains(second);
  }

  @Test
  void unknownBlankOrMissingTokensFindNothing() {
    sessions.open("admin");
    assertThat(sessions.find("rla_not-a-token")).isEmpty();
    assertThat(sessions.find("")).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
    sessions.close(null); // harmless
  }

  @Test
  void theSweepDropsOnlyExpiredSessions() {
    sessions.open("admin");
    clock.advance(Duration.ofMinutes(30));
    AdminSession later = sessions.open("admin");
    clock.advance(Duration.ofMinutes(31));

    assertThat(sessions.forgetExpired()).isEqualTo(1);
    assertThat(sessions.find(later.token())).contains(later);
  }
}
