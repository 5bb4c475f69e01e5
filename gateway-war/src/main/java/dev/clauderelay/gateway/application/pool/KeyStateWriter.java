package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.application.topology.TopologyService;
import dev.clauderelay.gateway.infrastructure.persistence.RelayDataSource;
import dev.clauderelay.gateway.infrastructure.persistence.ShutdownConnection;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Writes the keys' live state (status, cooldowns, counters) to the database every two seconds, only
 * the keys that changed, as absolute values: a {@code kill -9} loses at most two seconds of
 * counters, and a restart resumes every cooldown where it was.
 */
@Singleton
@Startup
@DependsOn("TopologyService")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class KeyStateWriter {

  private static final Logger LOG = Logger.getLogger(KeyStateWriter.class.getName());

  @Resource(lookup = RelayDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Resource private ManagedScheduledExecutorService scheduler;
  @Inject private TopologyService topology;

  private ScheduledFuture<?> writing;
  private volatile boolean stopping;

  @PostConstruct
  void start() {
    writing = scheduler.scheduleWithFixedDelay(this::flush, 2, 2, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (writing != null) {
      writing.cancel(false);
    }
    stopping = true;
    flush();
  }

  /** Writes every key changed since the last flush; keys that fail stay dirty for the next. */
  public synchronized void flush() {
    KeyPools pools = topology.pools();
    List<KeyHealth> dirty = pools.takeDirty();
    if (dirty.isEmpty()) {
      return;
    }
    try (Connection connection = ShutdownConnection.open(dataSource, stopping);
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE provider_key SET status = ?, status_until = ?, status_reason = ?,"
                    + " total_requests = ?, total_successes = ?, total_failures = ?,"
                    + " rate_limited_count = ?, last_used_at = ?, last_error = ?, last_error_at = ?,"
                    + " updated_at = ? WHERE id = ?")) {
      Timestamp now = utc(System.currentTimeMillis());
      for (KeyHealth key : dirty) {
        update.setString(1, key.status().name());
        update.setTimestamp(2, key.statusUntilMillis() > 0 ? utc(key.statusUntilMillis()) : null);
        update.setString(3, truncate(key.statusReason()));
        update.setLong(4, key.totalRequests());
        update.setLong(5, key.successes());
        update.setLong(6, key.failures());
        update.setLong(7, key.rateLimited());
        update.setTimestamp(8, key.lastUsedMillis() > 0 ? utc(key.lastUsedMillis()) : null);
        update.setString(9, truncate(key.lastError()));
        update.setTimestamp(10, key.lastErrorMillis() > 0 ? utc(key.lastErrorMillis()) : null);
        update.setTimestamp(11, now);
        update.setLong(12, key.keyId());
        update.addBatch();
      }
      update.executeBatch();
    } catch (SQLException | RuntimeException e) {
      pools.markDirty(dirty);
      LOG.log(
          Level.WARNING,
          "Could not write the state of {0} key(s): {1}",
          new Object[] {dirty.size(), e.getMessage()});
    }
  }

  private static Timestamp utc(long epochMillis) {
    return Timestamp.valueOf(
        LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
  }

  private static String truncate(String value) {
    return value == null || value.length() <= 500 ? value : value.substring(0, 500);
  }
}
