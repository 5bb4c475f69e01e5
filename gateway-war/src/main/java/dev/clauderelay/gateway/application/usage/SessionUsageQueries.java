package dev.clauderelay.gateway.application.usage;

import dev.clauderelay.admin.api.SessionUsageReport;
import dev.clauderelay.gateway.infrastructure.persistence.RelayDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads usage per Claude Code session and agent from the request log, for the admin API (admin
 * time, never on the request path). Bounded: at most {@link #MAX_AGENT_ROWS} (session, agent)
 * groups are read, the most recently active first.
 */
@ApplicationScoped
public class SessionUsageQueries {

  static final int MAX_AGENT_ROWS = 5_000;

  @Resource(lookup = RelayDataSource.JNDI_NAME)
  private DataSource dataSource;

  /**
   * Sessions active in {@code [from, to)}, most recently active first, at most {@code limit}.
   *
   * @throws IllegalStateException when the database cannot be read
   */
  public SessionUsageReport sessions(Instant from, Instant to, int limit) {
    String sql =
        "SELECT session_id, agent_id, MAX(parent_agent_id), MIN(started_at), MAX(started_at),"
            + " COUNT(*), SUM(CASE WHEN status BETWEEN 200 AND 299 AND error_type IS NULL"
            + " THEN 0 ELSE 1 END), SUM(input_tokens), SUM(output_tokens),"
            + " SUM(cache_creation_tokens), SUM(cache_read_tokens)"
            + " FROM request_log WHERE started_at >= ? AND started_at < ?"
            + " AND session_id IS NOT NULL GROUP BY session_id, agent_id"
            + " ORDER BY MAX(started_at) DESC LIMIT ?";
    Map<String, List<SessionUsageReport.Agent>> agents = new LinkedHashMap<>();
    boolean truncated = false;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setTimestamp(1, utc(from));
      statement.setTimestamp(2, utc(to));
      statement.setInt(3, MAX_AGENT_ROWS + 1);
      try (ResultSet rows = statement.executeQuery()) {
        int read = 0;
        while (rows.next()) {
          if (++read > MAX_AGENT_ROWS) {
            truncated = true;
            break;
          }
          String session = rows.getString(1);
          if (!agents.containsKey(session) && agents.size() == limit) {
            truncated = true;
            continue;
          }
          agents
              .computeIfAbsent(session, s -> new ArrayList<>())
              .add(
                  new SessionUsageReport.Agent(
                      rows.getString(2),
                      rows.getString(3),
                      instant(rows.getTimestamp(4)),
                      instant(rows.getTimestamp(5)),
                      rows.getLong(6),
                      rows.getLong(7),
                      rows.getLong(8),
                      rows.getLong(9),
                      rows.getLong(10),
                      rows.getLong(11)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading session usage failed: " + e.getMessage(), e);
    }
    List<SessionUsageReport.Session> sessions = new ArrayList<>(agents.size());
    agents.forEach((id, lines) -> sessions.add(session(id, lines)));
    return new SessionUsageReport(from, to, limit, truncated, sessions);
  }

  /** A session's totals from its agents' lines; the main agent (null id) first. */
  private static SessionUsageReport.Session session(
      String id, List<SessionUsageReport.Agent> lines) {
    lines.sort(
        (a, b) ->
            a.agentId() == null
                ? (b.agentId() == null ? 0 : -1)
                : b.agentId() == null ? 1 : a.firstSeen().compareTo(b.firstSeen()));
    Instant first = null;
    Instant last = null;
    long requests = 0;
    long errors = 0;
    long input = 0;
    long output = 0;
    long cacheCreation = 0;
    long cacheRead = 0;
    for (SessionUsageReport.Agent line : lines) {
      first = first == null || line.firstSeen().isBefore(first) ? line.firstSeen() : first;
      last = last == null || line.lastSeen().isAfter(last) ? line.lastSeen() : last;
      requests += line.requests();
      errors += line.errors();
      input += line.inputTokens();
      output += line.outputTokens();
      cacheCreation += line.cacheCreationTokens();
      cacheRead += line.cacheReadTokens();
    }
    return new SessionUsageReport.Session(
        id, first, last, requests, errors, input, output, cacheCreation, cacheRead, lines);
  }

  private static Timestamp utc(Instant instant) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
  }
}
