package dev.clauderelay.gateway.application.usage;

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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Writes the {@link RequestRecord}s the request path leaves in the {@link UsageQueue}, every second
 * in batches: the request log, the hourly aggregates per provider, key, client key and model, and
 * client keys' last use. On a clean shutdown everything queued is written.
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

  @Resource(lookup = RelayDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Resource private ManagedScheduledExecutorService scheduler;

  @Inject private UsageQueue queue;
  private ScheduledFuture<?> flushing;
  private volatile boolean stopping;

  @PostConstruct
  void start() {
    flushing = scheduler.scheduleWithFixedDelay(this::flushSafely, 1, 1, TimeUnit.SECONDS);
  }

  /** Records waiting to be written; for health and tests. */
  public int pending() {
    return queue.size();
  }

  @PreDestroy
  void stop() {
    if (flushing != null) {
      flushing.cancel(false);
    }
    stopping = true;
    while (queue.size() > 0) {
      if (!flush()) {
        LOG.severe(() -> queue.size() + " usage record(s) could not be written at shutdown");
        return;
      }
    }
  }

  private void flushSafely() {
    try {
      while (queue.size() > 0 && flush()) {
        if (queue.size() < BATCH) {
          break;
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Writing usage failed; will retry", e);
    }
  }

  /** Writes one batch; returns whether it succeeded (failed records go back to the queue). */
  synchronized boolean flush() {
    List<RequestRecord> batch = new ArrayList<>(Math.min(queue.size(), BATCH));
    queue.drainTo(batch, BATCH);
    if (batch.isEmpty()) {
      return true;
    }
    try (Connection connection = ShutdownConnection.open(dataSource, stopping)) {
      connection.setAutoCommit(false);
      insertRequestLog(connection, batch);
      upsertHourly(connection, batch);
      touchClientKeys(connection, batch);
      connection.commit();
      return true;
    } catch (SQLException e) {
      LOG.log(
          Level.WARNING,
          "Could not write {0} usage record(s): {1}",
          new Object[] {batch.size(), e.getMessage()});
      queue.putBack(batch);
      return false;
    }
  }

  private static void insertRequestLog(Connection connection, List<RequestRecord> batch)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO request_log (request_id, started_at, client_key_id, provider_id, key_id,"
                + " account_id, requested_model, upstream_model, stream, status, error_type, stop_reason,"
                + " input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens,"
                + " latency_ms, first_byte_ms, attempts, degradations)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (RequestRecord r : batch) {
        insert.setString(1, r.requestId());
        insert.setTimestamp(2, utc(r.startedAtMillis()));
        setId(insert, 3, r.clientKeyId());
        setId(insert, 4, r.providerId());
        setId(insert, 5, r.keyId());
        setId(insert, 6, r.accountId());
        insert.setString(7, truncate(r.requestedModel(), 200));
        insert.setString(8, truncate(r.upstreamModel(), 200));
        insert.setBoolean(9, r.stream());
        insert.setInt(10, r.status());
        insert.setString(11, r.errorType());
        insert.setString(12, truncate(r.stopReason(), 64));
        insert.setLong(13, r.inputTokens());
        insert.setLong(14, r.outputTokens());
        insert.setLong(15, r.cacheCreationTokens());
        insert.setLong(16, r.cacheReadTokens());
        insert.setInt(17, (int) Math.min(Integer.MAX_VALUE, r.latencyMs()));
        if (r.firstByteMs() < 0) {
          insert.setNull(18, java.sql.Types.INTEGER);
        } else {
          insert.setInt(18, (int) Math.min(Integer.MAX_VALUE, r.firstByteMs()));
        }
        insert.setInt(19, r.attempts());
        insert.setString(20, truncate(r.degradations(), 1000));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private record HourKey(
      LocalDateTime hour,
      long providerId,
      long keyId,
      long accountId,
      long clientKeyId,
      String model) {}

  private static final class HourTotals {
    long requests;
    long successes;
    long failures;
    long rateLimited;
    long input;
    long output;
    long cacheCreation;
    long cacheRead;
    long latency;
  }

  private static void upsertHourly(Connection connection, List<RequestRecord> batch)
      throws SQLException {
    Map<HourKey, HourTotals> totals = new HashMap<>();
    for (RequestRecord r : batch) {
      if (r.providerId() == 0) {
        continue; // refused before routing: in the request log, not in provider usage
      }
      LocalDateTime hour =
          LocalDateTime.ofInstant(Instant.ofEpochMilli(r.startedAtMillis()), ZoneOffset.UTC)
              .truncatedTo(ChronoUnit.HOURS);
      HourTotals t =
          totals.computeIfAbsent(
              new HourKey(
                  hour,
                  r.providerId(),
                  r.keyId(),
                  r.accountId(),
                  r.clientKeyId(),
                  nullToEmpty(r.upstreamModel())),
              k -> new HourTotals());
      t.requests++;
      if (r.success()) {
        t.successes++;
      } else {
        t.failures++;
      }
      if (r.status() == 429 || "rate_limit_error".equals(r.errorType())) {
        t.rateLimited++;
      }
      t.input += r.inputTokens();
      t.output += r.outputTokens();
      t.cacheCreation += r.cacheCreationTokens();
      t.cacheRead += r.cacheReadTokens();
      t.latency += r.latencyMs();
    }
    if (totals.isEmpty()) {
      return;
    }
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO usage_hourly (hour_start, provider_id, key_id, account_id, client_key_id,"
                + " model, requests, successes, failures, rate_limited, input_tokens, output_tokens,"
                + " cache_creation_tokens, cache_read_tokens, latency_ms_total)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE requests = requests + VALUES(requests),"
                + " successes = successes + VALUES(successes), failures = failures + VALUES(failures),"
                + " rate_limited = rate_limited + VALUES(rate_limited),"
                + " input_tokens = input_tokens + VALUES(input_tokens),"
                + " output_tokens = output_tokens + VALUES(output_tokens),"
                + " cache_creation_tokens = cache_creation_tokens + VALUES(cache_creation_tokens),"
                + " cache_read_tokens = cache_read_tokens + VALUES(cache_read_tokens),"
                + " latency_ms_total = latency_ms_total + VALUES(latency_ms_total)")) {
      for (Map.Entry<HourKey, HourTotals> entry : totals.entrySet()) {
        HourKey k = entry.getKey();
        HourTotals t = entry.getValue();
        upsert.setTimestamp(1, Timestamp.valueOf(k.hour()));
        upsert.setLong(2, k.providerId());
        upsert.setLong(3, k.keyId());
        upsert.setLong(4, k.accountId());
        upsert.setLong(5, k.clientKeyId());
        upsert.setString(6, truncate(k.model(), 200));
        upsert.setLong(7, t.requests);
        upsert.setLong(8, t.successes);
        upsert.setLong(9, t.failures);
        upsert.setLong(10, t.rateLimited);
        upsert.setLong(11, t.input);
        upsert.setLong(12, t.output);
        upsert.setLong(13, t.cacheCreation);
        upsert.setLong(14, t.cacheRead);
        upsert.setLong(15, t.latency);
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  private static void touchClientKeys(Connection connection, List<RequestRecord> batch)
      throws SQLException {
    Map<Long, Long> lastUse = new HashMap<>();
    for (RequestRecord r : batch) {
      if (r.clientKeyId() > 0) {
        lastUse.merge(r.clientKeyId(), r.startedAtMillis(), Math::max);
      }
    }
    if (lastUse.isEmpty()) {
      return;
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE client_key SET last_used_at = GREATEST(COALESCE(last_used_at, ?), ?) WHERE id = ?")) {
      for (Map.Entry<Long, Long> entry : lastUse.entrySet()) {
        Timestamp at = utc(entry.getValue());
        update.setTimestamp(1, at);
        update.setTimestamp(2, at);
        update.setLong(3, entry.getKey());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /** Keeps the request log to its retention; the hourly aggregates stay. */
  @Schedule(hour = "*", minute = "17", persistent = false)
  void pruneRequestLog() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM request_log WHERE started_at < ? LIMIT 50000")) {
      delete.setTimestamp(1, utc(System.currentTimeMillis() - REQUEST_LOG_RETENTION.toMillis()));
      delete.executeUpdate();
    } catch (SQLException e) {
      LOG.warning(() -> "Pruning the request log failed: " + e.getMessage());
    }
  }

  private static Timestamp utc(long epochMillis) {
    return Timestamp.valueOf(
        LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
  }

  private static void setId(PreparedStatement statement, int index, long id) throws SQLException {
    if (id > 0) {
      statement.setLong(index, id);
    } else {
      statement.setNull(index, java.sql.Types.BIGINT);
    }
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
