package dev.clauderelay.gateway.application.internal;

import dev.clauderelay.gateway.application.AdminSession;
import dev.clauderelay.gateway.infrastructure.crypto.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The admins' signed-in sessions, in memory and keyed by a hash of the token (a heap dump shows no
 * usable token). A session ends at its expiry, at sign-out or at a restart.
 *
 * <p>In a cluster the sessions are also kept in the grid ({@link Shared}), which is then the word
 * on whether a token is signed in: a session opened on one relay works on the others, and a
 * sign-out anywhere ends it everywhere. When the grid does not answer, the local copy decides.
 */
final class AdminSessions {

  /** The sessions every relay of a cluster sees; may throw when the grid does not answer. */
  interface Shared {
    void put(String tokenHash, String username, long expiresAtMillis);

    /** The session's username and expiry, or empty when no relay holds it. */
    Optional<Map.Entry<String, Long>> get(String tokenHash);

    void remove(String tokenHash);
  }

  private static final Logger LOG = Logger.getLogger(AdminSessions.class.getName());

  private final Clock clock;
  private final Duration lifetime;
  private final Shared shared;
  private final Map<String, AdminSession> byTokenHash = new ConcurrentHashMap<>();

  AdminSessions(Clock clock, Duration lifetime) {
    this(clock, lifetime, null);
  }

  AdminSessions(Clock clock, Duration lifetime, Shared shared) {
    this.clock = clock;
    this.lifetime = lifetime;
    this.shared = shared;
  }

  AdminSession open(String username) {
    String token = "rla_" + Secrets.randomToken(32);
    AdminSession session = new AdminSession(token, username, clock.instant().plus(lifetime));
    String hash = Secrets.sha256Hex(token);
    byTokenHash.put(hash, session);
    if (shared != null) {
      try {
        shared.put(hash, username, session.expiresAt().toEpochMilli());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "The session is kept on this relay only: {0}", e.getMessage());
      }
    }
    return session;
  }

  /** The live session of this token; an expired one is forgotten on the way. */
  Optional<AdminSession> find(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    String key = Secrets.sha256Hex(token);
    AdminSession session = byTokenHash.get(key);
    if (shared != null) {
      try {
        Optional<Map.Entry<String, Long>> held = shared.get(key);
        if (held.isEmpty()) {
          byTokenHash.remove(key);
          return Optional.empty();
        }
        session =
            new AdminSession(
                token, held.get().getKey(), Instant.ofEpochMilli(held.get().getValue()));
        byTokenHash.put(key, session);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "The grid did not answer; the local copy decides", e);
      }
    }
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
      String hash = Secrets.sha256Hex(token);
      byTokenHash.remove(hash);
      if (shared != null) {
        try {
          shared.remove(hash);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "The sign-out reached this relay only: {0}", e.getMessage());
        }
      }
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
