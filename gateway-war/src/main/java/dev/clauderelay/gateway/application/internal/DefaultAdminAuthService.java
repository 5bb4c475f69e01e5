package dev.clauderelay.gateway.application.internal;

import dev.clauderelay.gateway.application.AdminAuthService;
import dev.clauderelay.gateway.application.AdminSession;
import dev.clauderelay.gateway.domain.model.audit.AuditEntry;
import dev.clauderelay.gateway.domain.model.audit.AuditLog;
import dev.clauderelay.gateway.domain.model.setting.SettingRepository;
import dev.clauderelay.gateway.infrastructure.cluster.ClusterChannels;
import dev.clauderelay.gateway.infrastructure.cluster.RelayCluster;
import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import dev.clauderelay.gateway.infrastructure.crypto.PasswordHasher;
import dev.clauderelay.gateway.infrastructure.crypto.Secrets;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Admin sign-in against {@code RELAY_ADMIN_USERNAME} / {@code RELAY_ADMIN_PASSWORD}. When no
 * password is configured, the first start generates one, prints it once and keeps only its hash.
 *
 * <p>Sessions are {@link AdminSessions}: in memory, ending at their expiry or at a restart. A
 * startup singleton so that the generated password is printed while the admin is watching the
 * start, not at the first login.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class DefaultAdminAuthService implements AdminAuthService {

  private static final Logger LOG = Logger.getLogger(DefaultAdminAuthService.class.getName());
  private static final String REFUSED = "Wrong username or password.";

  @Inject private RelayConfig config;
  @Inject private SettingRepository settings;
  @Inject private AuditLog auditLog;
  @Inject private RelayCluster cluster;

  private final Clock clock = Clock.systemUTC();
  private final PasswordHasher hasher = new PasswordHasher();
  private final LoginThrottle throttle = new LoginThrottle(clock);
  private AdminSessions sessions;

  private String username;
  private String passwordHash;

  @PostConstruct
  void init() {
    username = config.adminUsername();
    if (cluster.enabled()) {
      sessions = new AdminSessions(clock, config.adminSessionTtl(), new GridAdminSessions(cluster));
      cluster.subscribe(
          ClusterChannels.LOGIN_FAILED, fields -> throttle.recordFailure(fields.get(0)));
      cluster.subscribe(
          ClusterChannels.LOGIN_SUCCEEDED, fields -> throttle.recordSuccess(fields.get(0)));
    } else {
      sessions = new AdminSessions(clock, config.adminSessionTtl());
    }
    Optional<String> configured = config.adminPassword();
    if (configured.isPresent()) {
      passwordHash = hasher.hash(configured.get());
      LOG.info("Admin sign-in uses RELAY_ADMIN_PASSWORD");
      return;
    }
    Optional<String> stored = settings.find(SettingRepository.ADMIN_PASSWORD_HASH);
    if (stored.isPresent()) {
      passwordHash = stored.get();
      return;
    }
    String generated = Secrets.randomToken(18);
    String candidate = hasher.hash(generated);
    passwordHash = settings.putIfAbsent(SettingRepository.ADMIN_PASSWORD_HASH, candidate);
    if (passwordHash.equals(candidate)) {
      announceGeneratedPassword(generated);
    }
  }

  /**
   * Printed once, to the console rather than through the logger, so it reaches the admin starting
   * the relay and no log file keeps it.
   */
  private void announceGeneratedPassword(String password) {
    PrintStream console = System.err;
    console.println();
    console.println("==================================================================");
    console.println(" Claude Relay admin account created (shown only this once):");
    console.println("   username: " + username);
    console.println("   password: " + password);
    console.println(" Set RELAY_ADMIN_PASSWORD to choose your own instead.");
    console.println("==================================================================");
    console.println();
    console.flush();
  }

  @Override
  public AdminSession login(String givenUsername, String givenPassword, String remoteAddress) {
    Optional<Duration> locked = throttle.lockedFor(remoteAddress);
    if (locked.isPresent()) {
      throw new LoginRefusedException(
          "Too many failed sign-ins from your address; try again in "
              + Math.max(1, locked.get().toSeconds())
              + " s.",
          locked.get());
    }
    // Hash even for a wrong username, so the answer time does not reveal valid usernames.
    boolean passwordMatches = hasher.matches(nullToEmpty(givenPassword), passwordHash);
    boolean usernameMatches =
        MessageDigest.isEqual(
            nullToEmpty(givenUsername).getBytes(StandardCharsets.UTF_8),
            username.getBytes(StandardCharsets.UTF_8));
    if (!(passwordMatches && usernameMatches)) {
      throttle.recordFailure(remoteAddress);
      cluster.publish(ClusterChannels.LOGIN_FAILED, remoteAddress);
      // A mistyped username may be a password typed in the wrong field: never record it.
      audit(usernameMatches ? username : "(unknown user)", "admin.login-failed", remoteAddress);
      throw new LoginRefusedException(REFUSED, null);
    }
    throttle.recordSuccess(remoteAddress);
    cluster.publish(ClusterChannels.LOGIN_SUCCEEDED, remoteAddress);
    AdminSession session = sessions.open(username);
    audit(username, "admin.login", remoteAddress);
    return session;
  }

  @Override
  public Optional<AdminSession> authenticate(String token) {
    return sessions.find(token);
  }

  @Override
  public void logout(String token) {
    sessions.close(token);
  }

  @Schedule(minute = "*/10", hour = "*", persistent = false)
  void forgetExpiredSessions() {
    sessions.forgetExpired();
  }

  private void audit(String actor, String action, String remoteAddress) {
    try {
      auditLog.append(new AuditEntry(actor, action, "admin", actor, null, remoteAddress));
    } catch (RuntimeException e) {
      // Sign-in must not depend on the audit table being writable at this instant.
      LOG.warning(() -> "Could not write audit entry " + action + ": " + e.getMessage());
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
