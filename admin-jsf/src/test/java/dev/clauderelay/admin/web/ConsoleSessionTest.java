package dev.clauderelay.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.admin.api.AdminToken;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleSessionTest {

  private static final Instant EXPIRY = Instant.parse("2026-11-27T02:07:38Z");

  @Test
  void signedInUntilTheTokenExpires() {
    ConsoleSession session = new ConsoleSession();
    session.start(new AdminToken("admin", EXPIRY, "rla_x"));

    assertThat(session.isSignedInAt(EXPIRY.minusSeconds(1))).isTrue();
    assertThat(session.isSignedInAt(EXPIRY)).isFalse();
    assertThat(session.token()).isEqualTo("rla_x");
  }

  @Test
  void endForgetsTheToken() {
    ConsoleSession session = new ConsoleSession();
    session.start(new AdminToken("admin", EXPIRY, "rla_x"));
    session.end();

    assertThat(session.isSignedInAt(EXPIRY.minusSeconds(60))).isFalse();
    assertThat(session.token()).isEmpty();
    assertThat(session.getUsername()).isEmpty();
  }
}
