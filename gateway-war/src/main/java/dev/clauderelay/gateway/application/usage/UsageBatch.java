package dev.clauderelay.gateway.application.usage;

import static dev.clauderelay.gateway.infrastructure.persistence.UtcTimestamps.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes one batch of {@link RequestRecord}s in one transaction: the request log, the hourly
 * aggregates per provider, key, account, client key and model, and client keys' last use.
 *
 * <p>Exactly once: the batch's id goes into {@code usage_batch} in the same transaction, so a batch
 * retried after an ambiguous failure (committed, but the commit's answer or the connection's close
 * failed) is recognised and not counted again.
 */
final class UsageBatch {

  /**
   * Rows per {@code INSERT} into the request log. A JDBC batch sends one statement per row and the
   * database runs each: the embedded MariaDB spent 62 us of CPU per request on the usage log that
   * way, 16 us with one statement per 500 rows (bench/RESULTS.md). 500 rows of a few KB each stay
   * far below MariaDB's default packet limit (16 MB).
   */
  static final int ROWS_PER_INSERT = 500;

  private static final int REQUEST_LOG_COLUMNS = 25;
  private static final String INSERT_FULL = insertRequestLogSql(ROWS_PER_INSERT);

  private final String id = UUID.randomUUID().toString();
  private final List<RequestRecord> records;

  UsageBatch(List<RequestRecord> records) {
    this.records = List.copyOf(records);
  }

  int size() {
    return records.size();
  }

  /** The id the batch leaves in {@code usage_batch} when written. */
  String id() {
    return id;
  }

  /**
   * Writes the batch and commits; the connection must not be in auto-commit.
   *
   * @return {@code false} when an earlier attempt already wrote it (nothing was written now)
   */
  boolean writeTo(Connection connection) throws SQLException {
    try {
      if (!claim(connection)) {
        connection.rollback();
        return false;
      }
      insertRequestLog(connection, records);
      upsertHourly(connection, records);
      touchClientKeys(connection, records);
      connection.commit();
      return true;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(connection, e);
      throw e;
    }
  }

  /**
   * Runs every statement of {@link #writeTo} and rolls them back: at start, so that what the last
   * write at shutdown needs is loaded while it still can be. Payara may close the application's
   * class loader before the beans' pre-destroy runs; a class first needed then (one of this
   * batch's, or of the database driver's batch path) cannot be loaded any more, and the records of
   * the last second would be lost.
   */
  void rehearse(Connection connection) throws SQLException {
    try {
      if (claim(connection)) {
        insertRequestLog(connection, records);
        upsertHourly(connection, records);
        touchClientKeys(connection, records);
      }
    } finally {
      connection.rollback();
    }
  }

  private boolean claim(Connection connection) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO usage_batch (id, written_at) VALUES (?, ?)")) {
      insert.setString(1, id);
      insert.setTimestamp(2, utc(System.currentTimeMillis()));
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
        return false; // duplicate id: written by an earlier attempt
      }
      throw e;
    }
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static void insertRequestLog(Connection connection, List<RequestRecord> batch)
      throws SQLException {
    for (int from = 0; from < batch.size(); from += ROWS_PER_INSERT) {
      List<RequestRecord> rows =
          batch.subList(from, Math.min(batch.size(), from + ROWS_PER_INSERT));
      String sql = rows.size() == ROWS_PER_INSERT ? INSERT_FULL : insertRequestLogSql(rows.size());
      try (PreparedStatement insert = connection.prepareStatement(sql)) {
        int offset = 0;
        for (RequestRecord r : rows) {
          bindRequestLog(insert, offset, r);
          offset += REQUEST_LOG_COLUMNS;
        }
        insert.executeUpdate();
      }
    }
  }

  static String insertRequestLogSql(int rows) {
    String row = "(" + String.join(", ", Collections.nCopies(REQUEST_LOG_COLUMNS, "?")) + ")";
    return "INSERT INTO request_log (request_id, started_at, client_key_id, provider_id, key_id,"
        + " account_id, requested_model, upstream_model, stream, status, error_type, stop_reason,"
        + " input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens,"
        + " latency_ms, first_byte_ms, attempts, degradations, cost_nanos, unpriced,"
        + " session_id, agent_id, parent_agent_id) VALUES "
        + String.join(", ", Collections.nCopies(rows, row));
  }

  private static void bindRequestLog(PreparedStatement insert, int offset, RequestRecord r)
      throws SQLException {
    insert.setString(offset + 1, r.requestId());
    insert.setTimestamp(offset + 2, utc(r.startedAtMillis()));
    setId(insert, offset + 3, r.clientKeyId());
    setId(insert, offset + 4, r.providerId());
    setId(insert, offset + 5, r.keyId());
    setId(insert, offset + 6, r.accountId());
    insert.setString(offset + 7, truncate(r.requestedModel(), 200));
    insert.setString(offset + 8, truncate(r.upstreamModel(), 200));
    insert.setBoolean(offset + 9, r.stream());
    insert.setInt(offset + 10, r.status());
    insert.setString(offset + 11, r.errorType());
    insert.setString(offset + 12, truncate(r.stopReason(), 64));
    insert.setLong(offset + 13, r.inputTokens());
    insert.setLong(offset + 14, r.outputTokens());
    insert.setLong(offset + 15, r.cacheCreationTokens());
    insert.setLong(offset + 16, r.cacheReadTokens());
    insert.setInt(offset + 17, (int) Math.min(Integer.MAX_VALUE, r.latencyMs()));
    if (r.firstByteMs() < 0) {
      insert.setNull(offset + 18, java.sql.Types.INTEGER);
    } else {
      insert.setInt(offset + 18, (int) Math.min(Integer.MAX_VALUE, r.firstByteMs()));
    }
    insert.setInt(offset + 19, r.attempts());
    insert.setString(offset + 20, truncate(r.degradations(), 1000));
    if (r.unpriced()) {
      insert.setNull(offset + 21, java.sql.Types.BIGINT);
    } else {
      insert.setLong(offset + 21, r.costNanos());
    }
    insert.setBoolean(offset + 22, r.unpriced());
    insert.setString(offset + 23, truncate(r.session().sessionId(), 128));
    insert.setString(offset + 24, truncate(r.session().agentId(), 128));
    insert.setString(offset + 25, truncate(r.session().parentAgentId(), 128));
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
    long costNanos;
    long unpriced;
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
      t.costNanos += r.costNanos();
      if (r.unpriced()) {
        t.unpriced++;
      }
    }
    if (totals.isEmpty()) {
      return;
    }
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO usage_hourly (hour_start, provider_id, key_id, account_id, client_key_id,"
                + " model, requests, successes, failures, rate_limited, input_tokens, output_tokens,"
                + " cache_creation_tokens, cache_read_tokens, latency_ms_total, cost_nanos,"
                + " unpriced_requests)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE requests = requests + VALUES(requests),"
                + " successes = successes + VALUES(successes), failures = failures + VALUES(failures),"
                + " rate_limited = rate_limited + VALUES(rate_limited),"
                + " input_tokens = input_tokens + VALUES(input_tokens),"
                + " output_tokens = output_tokens + VALUES(output_tokens),"
                + " cache_creation_tokens = cache_creation_tokens + VALUES(cache_creation_tokens),"
                + " cache_read_tokens = cache_read_tokens + VALUES(cache_read_tokens),"
                + " latency_ms_total = latency_ms_total + VALUES(latency_ms_total),"
                + " cost_nanos = cost_nanos + VALUES(cost_nanos),"
                + " unpriced_requests = unpriced_requests + VALUES(unpriced_requests)")) {
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
        upsert.setLong(16, t.costNanos);
        upsert.setLong(17, t.unpriced);
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
