package dev.clauderelay.gateway.application.account;

import dev.clauderelay.gateway.infrastructure.cluster.RelayCluster;
import dev.clauderelay.gateway.infrastructure.oauth.ClaudeOAuthClient;
import dev.clauderelay.gateway.infrastructure.oauth.OAuthSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps OAuth accounts' tokens fresh with EJB timers: every account on a fixed cadence (every six
 * hours, as the seed did; {@code RELAY_CLAUDE_OAUTH_REFRESH_INTERVAL}), and each account shortly
 * before its token expires (checked every minute). Each account refreshes in its own transaction,
 * so one failing account never blocks the others.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class AccountRefreshTimer {

  private static final Logger LOG = Logger.getLogger(AccountRefreshTimer.class.getName());
  private static final String ALL = "refresh-all";
  private static final String EXPIRING = "refresh-expiring";

  @Resource private TimerService timers;
  @Inject private ClaudeAccountService accounts;
  @Inject private ClaudeOAuthClient oauth;
  @Inject private RelayCluster cluster;

  @PostConstruct
  void schedule() {
    OAuthSettings settings = oauth.settings();
    long every = settings.refreshInterval().toMillis();
    timers.createIntervalTimer(every, every, new TimerConfig(ALL, false));
    long minute = Math.min(60_000, every);
    timers.createIntervalTimer(minute, minute, new TimerConfig(EXPIRING, false));
  }

  @Timeout
  void onTimer(Timer timer) {
    Serializable kind = timer.getInfo();
    if (!cluster.leads()) {
      return; // in a cluster, the oldest relay refreshes for all; the others read the new tokens
    }
    try {
      if (ALL.equals(kind)) {
        refreshAll();
      } else {
        refreshExpiring();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Account refresh round failed; the next round retries", e);
    }
  }

  void refreshAll() {
    int ok = 0;
    int failed = 0;
    for (Long id : accounts.refreshable()) {
      if (refreshOne(id, "scheduled")) {
        ok++;
      } else {
        failed++;
      }
    }
    if (ok + failed > 0) {
      LOG.log(
          Level.INFO,
          "Scheduled OAuth refresh: {0} refreshed, {1} failed",
          new Object[] {ok, failed});
    }
  }

  void refreshExpiring() {
    LocalDateTime horizon = LocalDateTime.now(ZoneOffset.UTC).plus(oauth.settings().refreshAhead());
    for (Long id : accounts.expiringBefore(horizon)) {
      refreshOne(id, "expiring soon");
    }
  }

  /**
   * One account's refresh, which cannot stop the round: its commit fails when the account was
   * deleted meanwhile, and the others still need their tokens.
   */
  private boolean refreshOne(long id, String why) {
    try {
      return accounts.refresh(id, why);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Refreshing Claude account " + id + " failed; the next round retries", e);
      return false;
    }
  }
}
