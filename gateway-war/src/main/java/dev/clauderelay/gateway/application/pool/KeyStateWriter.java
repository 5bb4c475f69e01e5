package dev.clauderelay.gateway.application.pool;

import static dev.clauderelay.gateway.infrastructure.persistence.UtcTimestamps.utc;

import dev.clauderelay.gateway.application.account.AccountHealth;
import dev.clauderelay.gateway.application.account.UnifiedWindows;
import dev.clauderelay.gateway.application.topology.CurrentTopology;
import dev.clauderelay.gateway.application.topology.TopologyService;
import dev.clauderelay.gateway.infrastructure.cluster.RelayCluster;
import dev.clauderelay.gateway.infrastructure.persistence.RelayDataSource;
import dev.clauderelay.gateway.infrastructure.persistence.ShutdownConnection;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Writes the keys' live state (status, rests, counters, per-model limits) to the database every two
 * seconds, only the keys that changed, as absolute values: a {@code kill -9} loses at most two
 * seconds of counters, and a restart resumes every rest where it was. The admin's own changes do
 * not wait for this: they are written in the admin's transaction.
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
  @Inject private RelayCluster cluster;
  @Inject private CurrentTopology accounts;

  private ScheduledFuture<?> writing;
  private volatile boolean stopping;

  @PostConstruct
  void start() {
    rehearseTheLastWrite();
    writing = scheduler.scheduleWithFixedDelay(this::flush, 2, 2, TimeUnit.SECONDS);
  }

  /**
   * The shutdown's write, done once now with one key and rolled back: Payara may close the
   * application's class loader before the pre-destroy runs, and what is first needed then (the
   * driver's batch path above all) could not be loaded any more.
   */
  private void rehearseTheLastWrite() {
    List<KeyHealth> one =
        topology.pools().all().stream().flatMap(pool -> pool.members().stream()).limit(1).toList();
    if (one.isEmpty()) {
      return; // keys added later are written within two seconds, loading the same classes
    }
    try (Connection connection = ShutdownConnection.open(dataSource, true)) {
      connection.setAutoCommit(false);
      try {
        writeKeys(connection, one, cluster.enabled());
        writeModels(connection, one);
      } finally {
        connection.rollback();
      }
    } catch (SQLException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not rehearse the shutdown's key state write; a clean stop may lose the last two"
              + " seconds of counters: {0}",
          e.toString());
    }
  }

  @PreDestroy
  void stop() {
    if (writing != null) {
      writing.cancel(false);
    }
    stopping = true;
    flush();
  }

  /**
   * Writes every key changed since the last flush, in one transaction; keys that fail stay dirty
   * for the next. A row whose {@code admin_revision} is not the one the pool knows is left alone:
   * an admin decided its status after the pool last looked, and the topology rebuild that follows
   * the admin's commit hands the pool that decision (and marks the key dirty again), so neither the
   * admin's status nor any counter is lost.
   */
  public synchronized void flush() {
    writeAccountWindows();
    KeyPools pools = topology.pools();
    List<KeyHealth> dirty = pools.takeDirty();
    if (dirty.isEmpty()) {
      return;
    }
    List<KeyHealth> withModels = new ArrayList<>();
    for (KeyHealth key : dirty) {
      if (key.perModel.takeUnwritten()) {
        withModels.add(key);
      }
    }
    try (Connection connection = ShutdownConnection.open(dataSource, stopping)) {
      connection.setAutoCommit(false);
      try {
        Runnable afterCommit = writeKeys(connection, dirty, cluster.enabled());
        writeModels(connection, withModels);
        connection.commit();
        afterCommit.run();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException | RuntimeException e) {
      pools.markDirty(dirty);
      withModels.forEach(key -> key.perModel.markUnwritten());
      LOG.log(
          Level.WARNING,
          "Could not write the state of {0} key(s): {1}",
          new Object[] {dirty.size(), e.getMessage()});
    }
  }

  /**
   * Stores the Claude accounts' usage windows reported since the last flush (the request path sees
   * them in every answer; only the last of each account is written).
   */
  private void writeAccountWindows() {
    Map<AccountHealth, UnifiedWindows> taken = new LinkedHashMap<>();
    for (AccountHealth account : accounts.accounts().members()) {
      UnifiedWindows report = account.takeUnwrittenWindows();
      if (report != null) {
        taken.put(account, report);
      }
    }
    if (taken.isEmpty()) {
      return;
    }
    try (Connection connection = ShutdownConnection.open(dataSource, stopping);
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE claude_account SET usage_windows = ? WHERE id = ?")) {
      for (Map.Entry<AccountHealth, UnifiedWindows> entry : taken.entrySet()) {
        String json = entry.getValue().toJson();
        update.setString(1, json.length() <= 2000 ? json : null);
        update.setLong(2, entry.getKey().id());
        update.addBatch();
      }
      update.executeBatch();
    } catch (SQLException | RuntimeException e) {
      taken.keySet().forEach(AccountHealth::windowsNotWritten);
      LOG.log(
          Level.WARNING,
          "Could not store the usage windows of {0} Claude account(s): {1}",
          new Object[] {taken.size(), e.getMessage()});
    }
  }

  private static final String[] COUNTER_COLUMNS = {
    "total_requests",
    "total_successes",
    "total_failures",
    "rate_limited_count",
    "failures_key_invalid",
    "failures_quota",
    "failures_overloaded",
    "failures_upstream",
    "client_errors",
    "latency_ms_total",
    "latency_count"
  };

  /**
   * Writes the keys' rows. A single relay writes its counters as they are; in a cluster every relay
   * counts its own traffic, so each adds what it counted since its last write (the row then holds
   * the cluster's total).
   *
   * @return what to do once the transaction committed: remember what was written
   */
  private static Runnable writeKeys(Connection connection, List<KeyHealth> dirty, boolean additive)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "UPDATE provider_key SET status = ?, status_until = ?, status_reason = ?");
    for (String column : COUNTER_COLUMNS) {
      sql.append(", ").append(column).append(additive ? " = " + column + " + ?" : " = ?");
    }
    sql.append(
        ", last_used_at = ?, last_error = ?, last_error_at = ?, updated_at = ?"
            + " WHERE id = ? AND admin_revision = ?");
    List<long[]> values = new ArrayList<>(dirty.size());
    try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
      Timestamp now = utc(System.currentTimeMillis());
      for (KeyHealth key : dirty) {
        int i = 1;
        update.setString(i++, key.status().name());
        update.setTimestamp(i++, key.statusUntilMillis() > 0 ? utc(key.statusUntilMillis()) : null);
        update.setString(i++, truncate(key.statusReason()));
        long[] counted = key.counterValues();
        long[] written = key.writtenCounters();
        values.add(counted);
        for (int c = 0; c < counted.length; c++) {
          update.setLong(i++, additive ? counted[c] - written[c] : counted[c]);
        }
        update.setTimestamp(i++, key.lastUsedMillis() > 0 ? utc(key.lastUsedMillis()) : null);
        update.setString(i++, truncate(key.lastError()));
        update.setTimestamp(i++, key.lastErrorMillis() > 0 ? utc(key.lastErrorMillis()) : null);
        update.setTimestamp(i++, now);
        update.setLong(i++, key.keyId());
        update.setLong(i, key.adminRevision());
        update.addBatch();
      }
      int[] updated = update.executeBatch();
      return () -> {
        for (int k = 0; k < dirty.size(); k++) {
          // A row the revision guard skipped stays owed: its counts go with the next write.
          if (k >= updated.length || updated[k] != 0) {
            dirty.get(k).countersWritten(values.get(k));
          }
        }
      };
    }
  }

  /**
   * Replaces the per-model rows of each key whose per-model state changed. Inserted through a
   * select on the key (with the same revision guard), so a key deleted meanwhile writes nothing
   * rather than failing the batch on its foreign key.
   */
  private static void writeModels(Connection connection, List<KeyHealth> keys) throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    try (PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM provider_key_model_state WHERE key_id = ? AND key_id IN"
                    + " (SELECT id FROM provider_key WHERE id = ? AND admin_revision = ?)");
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO provider_key_model_state (key_id, model, status, status_until,"
                    + " status_reason, window_start, window_requests, updated_at)"
                    + " SELECT id, ?, ?, ?, ?, ?, ?, ? FROM provider_key"
                    + " WHERE id = ? AND admin_revision = ?")) {
      Timestamp now = utc(System.currentTimeMillis());
      boolean inserts = false;
      for (KeyHealth key : keys) {
        delete.setLong(1, key.keyId());
        delete.setLong(2, key.keyId());
        delete.setLong(3, key.adminRevision());
        delete.addBatch();
        for (KeySnapshot.ModelSnapshot model : key.modelStates()) {
          boolean resting = model.status() != null;
          boolean counting = model.windowStart() != KeySelectionStrategy.NO_QUOTA_WINDOW;
          if (!resting && !counting) {
            continue;
          }
          insert.setString(1, truncate(model.model(), 200));
          insert.setString(2, resting ? model.status().name() : null);
          insert.setTimestamp(3, resting ? utc(model.untilMillis()) : null);
          insert.setString(4, resting ? truncate(model.reason()) : null);
          insert.setTimestamp(5, counting ? utc(model.windowStart()) : null);
          insert.setLong(6, counting ? model.windowRequests() : 0);
          insert.setTimestamp(7, now);
          insert.setLong(8, key.keyId());
          insert.setLong(9, key.adminRevision());
          insert.addBatch();
          inserts = true;
        }
      }
      delete.executeBatch();
      if (inserts) {
        insert.executeBatch();
      }
    }
  }

  private static String truncate(String value) {
    return truncate(value, 500);
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
