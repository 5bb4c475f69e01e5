package dev.clauderelay.gateway.application.usage;

import static dev.clauderelay.gateway.infrastructure.persistence.UtcTimestamps.utc;

import dev.clauderelay.gateway.infrastructure.persistence.RelayDataSource;
import dev.clauderelay.gateway.infrastructure.persistence.ShutdownConnection;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Writes the {@link RequestRecord}s the request path leaves in the {@link UsageQueue}, every second
 * in {@link UsageBatch}es, each exactly once. On a clean shutdown everything queued is written.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class UsageRecorder {

  private static final Logger LOG = Logger.getLogger(UsageRecorder.class.getName());
  private static final int BATCH = 5_000;
  private static final Duration REQUEST_LOG_RETENTION = Duration.ofDays(14);
  private static final Duration BATCH_ID_RETENTION = Duration.ofDays(1);

  @Resource(lookup = RelayDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Resource private ManagedScheduledExecutorService scheduler;

  @Inject private UsageQueue queue;
  private ScheduledFuture<?> flushing;
  private volatile UsageBatch unwritten;
  private volatile boolean stopping;

  /** For the container. */
  public UsageRecorder() {}

  /** Outside the container: over {@code dataSource}, writing what {@code queue} holds. */
  UsageRecorder(DataSource dataSource, UsageQueue queue) {
    this.dataSource = dataSource;
    this.queue = queue;
  }

  @PostConstruct
  void start() {
    rehearseTheLastWrite();
    flushing = scheduler.scheduleWithFixedDelay(this::flushSafely, 1, 1, TimeUnit.SECONDS);
  }

  /** The shutdown's write, done once now and rolled back (see {@link UsageBatch#rehearse}). */
  private void rehearseTheLastWrite() {
    // Ids that reach every statement (nothing here is kept: the transaction is rolled back).
    RequestRecord sample =
        new RequestRecord(
            "rehearsal",
            System.currentTimeMillis(),
            1,
            1,
            1,
            0,
            "rehearsal",
            "rehearsal",
            false,
            200,
            null,
            null,
            0,
            0,
            0,
            0,
            0,
            -1,
            1,
            null,
            0,
            false,
            ClientSession.NONE);
    try (Connection connection = ShutdownConnection.open(dataSource, true)) {
      connection.setAutoCommit(false);
      new UsageBatch(List.of(sample)).rehearse(connection);
    } catch (SQLException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not rehearse the shutdown's usage write; a clean stop may lose the last second"
              + " of usage: {0}",
          e.toString());
    }
  }

  /** Records waiting to be written; for health and tests. */
  public int pending() {
    UsageBatch retry = unwritten;
    return queue.size() + (retry == null ? 0 : retry.size());
  }

  @PreDestroy
  void stop() {
    if (flushing != null) {
      flushing.cancel(false);
    }
    stopping = true;
    // Under the lock: a flush still running holds records no longer in the queue, and whether they
    // are written is known only when it ends; the loop must look after that.
    synchronized (this) {
      while (pending() > 0) {
        if (!flush()) {
          LOG.severe(() -> pending() + " usage record(s) could not be written at shutdown");
          return;
        }
      }
    }
  }

  private void flushSafely() {
    try {
      while (pending() > 0 && flush()) {
        if (queue.size() < BATCH) {
          break;
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Writing usage failed; will retry", e);
    }
  }

  /**
   * Writes one batch; returns whether it succeeded. A batch whose write failed is kept and retried
   * first, whole and under the same id, so a write that in fact went through is not repeated.
   */
  synchronized boolean flush() {
    UsageBatch batch = unwritten;
    if (batch == null) {
      List<RequestRecord> records = new ArrayList<>(Math.min(queue.size(), BATCH));
      queue.drainTo(records, BATCH);
      if (records.isEmpty()) {
        return true;
      }
      batch = new UsageBatch(records);
      // Held from now until written, whatever ends the write: out of the queue, the records are
      // nowhere else (an error the catch below does not take, a class the closing application
      // can no longer load, would otherwise drop them).
      unwritten = batch;
    }
    try (Connection connection = ShutdownConnection.open(dataSource, stopping)) {
      connection.setAutoCommit(false);
      if (!batch.writeTo(connection)) {
        LOG.info(
            () -> "A usage batch whose write seemed to fail had gone through; not written again");
      }
      unwritten = null;
      return true;
    } catch (SQLException | RuntimeException e) {
      unwritten = batch;
      LOG.log(
          Level.WARNING,
          "Could not write {0} usage record(s): {1}",
          new Object[] {batch.size(), e.getMessage()});
      return false;
    }
  }

  /** Keeps the request log and the batch ids to their retention; the hourly aggregates stay. */
  @Schedule(hour = "*", minute = "17", persistent = false)
  void pruneRequestLog() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM request_log WHERE started_at < ? LIMIT 50000");
        PreparedStatement pruneBatchIds =
            connection.prepareStatement("DELETE FROM usage_batch WHERE written_at < ?")) {
      delete.setTimestamp(1, utc(System.currentTimeMillis() - REQUEST_LOG_RETENTION.toMillis()));
      delete.executeUpdate();
      pruneBatchIds.setTimestamp(
          1, utc(System.currentTimeMillis() - BATCH_ID_RETENTION.toMillis()));
      pruneBatchIds.executeUpdate();
    } catch (SQLException e) {
      LOG.warning(() -> "Pruning the request log failed: " + e.getMessage());
    }
  }
}
