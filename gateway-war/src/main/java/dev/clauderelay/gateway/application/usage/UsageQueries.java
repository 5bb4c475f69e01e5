package dev.clauderelay.gateway.application.usage;

import dev.clauderelay.gateway.infrastructure.persistence.RelayDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads the hourly usage aggregates for the dashboard and charts (admin time, never per request).
 */
@ApplicationScoped
public class UsageQueries {

  /** Totals over a period, for one provider or all. */
  public record Totals(
      long requests,
      long successes,
      long failures,
      long rateLimited,
      long inputTokens,
      long outputTokens,
      long cacheCreationTokens,
      long cacheReadTokens,
      long latencyMsTotal) {

    public long averageLatencyMs() {
      return requests == 0 ? 0 : latencyMsTotal / requests;
    }
  }

  /** One hour of a series. */
  public record Hour(LocalDateTime start, Totals totals) {}

  @Resource(lookup = RelayDataSource.JNDI_NAME)
  private DataSource dataSource;

  /** Totals per provider id over the last {@code hours} hours (the current hour included). */
  public Map<Long, Totals> byProvider(int hours) {
    Map<Long, Totals> result = new LinkedHashMap<>();
    query(
        "SELECT provider_id, "
            + SUMS
            + " FROM usage_hourly WHERE hour_start >= ? GROUP BY provider_id",
        since(hours),
        null,
        rows -> {
          while (rows.next()) {
            result.put(rows.getLong(1), totals(rows, 2));
          }
        });
    return result;
  }

  /**
   * An hourly series over the last {@code hours} hours, every hour present (zeros where nothing
   * happened), for a provider ({@code providerId} > 0) or all, and optionally one key.
   */
  public List<Hour> series(int hours, long providerId, Long keyId) {
    LocalDateTime from =
        LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).minusHours(hours - 1L);
    Map<LocalDateTime, Totals> found = new LinkedHashMap<>();
    StringBuilder sql =
        new StringBuilder(
            "SELECT hour_start, " + SUMS + " FROM usage_hourly WHERE hour_start >= ?");
    List<Long> params = new ArrayList<>();
    if (providerId > 0) {
      sql.append(" AND provider_id = ?");
      params.add(providerId);
    }
    if (keyId != null) {
      sql.append(" AND key_id = ?");
      params.add(keyId);
    }
    sql.append(" GROUP BY hour_start ORDER BY hour_start");
    query(
        sql.toString(),
        Timestamp.valueOf(from),
        params,
        rows -> {
          while (rows.next()) {
            found.put(rows.getTimestamp(1).toLocalDateTime(), totals(rows, 2));
          }
        });
    List<Hour> series = new ArrayList<>(hours);
    Totals zero = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0);
    for (int i = 0; i < hours; i++) {
      LocalDateTime hour = from.plusHours(i);
      series.add(new Hour(hour, found.getOrDefault(hour, zero)));
    }
    return series;
  }

  /** A cost series: per dimension value, the cost of each hour in nano-units. */
  public record CostSeries(
      List<LocalDateTime> hours, Map<String, long[]> costByName, long unpricedRequests) {}

  /** What cost series are grouped by. */
  public enum CostDimension {
    PROVIDER("provider_id"),
    MODEL("model"),
    CLIENT_KEY("client_key_id");

    final String column;

    CostDimension(String column) {
      this.column = column;
    }
  }

  /**
   * Cost hour by hour over the last {@code hours} hours, per provider id, model or client key id
   * (as text; the caller names ids), every hour present.
   */
  public CostSeries costSeries(int hours, CostDimension by) {
    LocalDateTime from =
        LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).minusHours(hours - 1L);
    List<LocalDateTime> starts = new ArrayList<>(hours);
    for (int i = 0; i < hours; i++) {
      starts.add(from.plusHours(i));
    }
    Map<String, long[]> byName = new LinkedHashMap<>();
    long[] unpriced = new long[1];
    query(
        "SELECT hour_start, "
            + by.column
            + ", SUM(cost_nanos), SUM(unpriced_requests) FROM usage_hourly WHERE hour_start >= ?"
            + " GROUP BY hour_start, "
            + by.column,
        Timestamp.valueOf(from),
        null,
        rows -> {
          while (rows.next()) {
            int index =
                (int) ChronoUnit.HOURS.between(from, rows.getTimestamp(1).toLocalDateTime());
            if (index < 0 || index >= hours) {
              continue;
            }
            byName.computeIfAbsent(rows.getString(2), k -> new long[hours])[index] +=
                rows.getLong(3);
            unpriced[0] += rows.getLong(4);
          }
        });
    return new CostSeries(starts, byName, unpriced[0]);
  }

  private static final String SUMS =
      "SUM(requests), SUM(successes), SUM(failures), SUM(rate_limited), SUM(input_tokens),"
          + " SUM(output_tokens), SUM(cache_creation_tokens), SUM(cache_read_tokens), SUM(latency_ms_total)";

  private interface RowReader {
    void read(ResultSet rows) throws SQLException;
  }

  private void query(String sql, Timestamp since, List<Long> params, RowReader reader) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setTimestamp(1, since);
      if (params != null) {
        for (int i = 0; i < params.size(); i++) {
          statement.setLong(i + 2, params.get(i));
        }
      }
      try (ResultSet rows = statement.executeQuery()) {
        reader.read(rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading usage failed: " + e.getMessage(), e);
    }
  }

  private static Timestamp since(int hours) {
    return Timestamp.valueOf(
        LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).minusHours(hours - 1L));
  }

  private static Totals totals(ResultSet rows, int first) throws SQLException {
    return new Totals(
        rows.getLong(first),
        rows.getLong(first + 1),
        rows.getLong(first + 2),
        rows.getLong(first + 3),
        rows.getLong(first + 4),
        rows.getLong(first + 5),
        rows.getLong(first + 6),
        rows.getLong(first + 7),
        rows.getLong(first + 8));
  }
}
