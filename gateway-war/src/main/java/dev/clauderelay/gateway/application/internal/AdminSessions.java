package dev.clauderelay.gateway.application.internal;

import dev.clauderelay.gateway.application.AdminSession;
import dev.clauderelay.gateway.infrastructure.crypto.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The admins' signed-in sessions, in memory and keyed by a hash of the token (a heap dump shows no
 * usable token). A session ends at its expiry, at sign-out or at a restart.
 */
final class AdminSessions {

  private final Clock clock;
  private final Duration lifetime;
  private final Map<String, AdminSession> byTokenHash = new ConcurrentHashMap<>();

  AdminSessions(Clock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
  }

  AdminSession open(String username) {
    String token = "rla_" + Secrets.randomToken(32);
    AdminSession session = new AdminSession(token, username, clock.instant().plus(lifetime));
    byTokenHash.put(Secrets.sha256Hex(token), session);
    return session;
  }

  /** The live session of this token; an expired one is forgotten on the way. */
  Optional<AdminSession> find(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    String key = Secrets.sha256Hex(token);
    AdminSession session = byTokenHash.get(key);
    if (session == null) {
      return Optional.empty();
    }
    if (session.isExpired(clock.instant())) {
      byTokenHash.remove(key);
      return Optional.empty();
    }
    return Optional.of(session);
  }

  void close(String token) {
    if (token != null) {
      byTokenHash.remove(Secrets.sha256Hex(token));
    }
  }

  /** Drops the expired sessions nobody asked about again. */
  int forgetExpired() {
    Instant now = clock.instant();
    int before = byTokenHash.size();
    byTokenHash.values().removeIf(session -> session.isExpired(now));
    return before - byTokenHash.size();
  }

  int size() {
    return byTokenHash.size();
  }
}
