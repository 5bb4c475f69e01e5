package dev.clauderelay.gateway.application.usage;

import dev.clauderelay.gateway.infrastructure.persistence.RelayDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * The request log of a period as CSV, streamed row by row from the database to the writer (never
 * held whole), oldest first, at most {@link #MAX_ROWS} rows. Admin time, never the request path.
 */
@ApplicationScoped
public class RequestLogExport {

  /** Rows in one export at most; a longer period is cut, and the last line says so. */
  public static final int MAX_ROWS = 2_000_000;

  static final String HEADER =
      "request_id,started_at,client_key,provider,key_id,account_id,requested_model,upstream_model,"
          + "stream,status,error_type,stop_reason,input_tokens,output_tokens,"
          + "cache_creation_tokens,cache_read_tokens,cost,unpriced,latency_ms,first_byte_ms,"
          + "attempts,degradations\r\n";

  @Resource(lookup = RelayDataSource.JNDI_NAME)
  private DataSource dataSource;

  /** Writes the requests started in [{@code from}, {@code to}). */
  public void write(Instant from, Instant to, Writer out) throws IOException {
    out.write(HEADER);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT r.request_id, r.started_at, c.name, p.name, r.key_id, r.account_id,"
                    + " r.requested_model, r.upstream_model, r.stream, r.status, r.error_type,"
                    + " r.stop_reason, r.input_tokens, r.output_tokens, r.cache_creation_tokens,"
                    + " r.cache_read_tokens, r.cost_nanos, r.unpriced, r.latency_ms,"
                    + " r.first_byte_ms, r.attempts, r.degradations FROM request_log r"
                    + " LEFT JOIN client_key c ON c.id = r.client_key_id"
                    + " LEFT JOIN provider p ON p.id = r.provider_id"
                    + " WHERE r.started_at >= ? AND r.started_at < ? ORDER BY r.started_at, r.id"
                    + " LIMIT ?",
                ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
      select.setFetchSize(1000); // streamed by the MariaDB driver, a thousand rows at a time
      select.setTimestamp(1, utc(from));
      select.setTimestamp(2, utc(to));
      select.setInt(3, MAX_ROWS + 1);
      int rows = 0;
      StringBuilder line = new StringBuilder(512);
      try (ResultSet r = select.executeQuery()) {
        while (r.next()) {
          if (++rows > MAX_ROWS) {
            out.write("# cut at " + MAX_ROWS + " rows: export a shorter period\r\n");
            break;
          }
          line.setLength(0);
          line.append(CsvCells.text(r.getString(1))).append(',');
          line.append(r.getTimestamp(2).toLocalDateTime().toInstant(ZoneOffset.UTC)).append(',');
          line.append(CsvCells.text(r.getString(3))).append(',');
          line.append(CsvCells.text(r.getString(4))).append(',');
          number(line, r, 5).append(',');
          number(line, r, 6).append(',');
          line.append(CsvCells.text(r.getString(7))).append(',');
          line.append(CsvCells.text(r.getString(8))).append(',');
          line.append(r.getBoolean(9)).append(',');
          line.append(r.getInt(10)).append(',');
          line.append(CsvCells.text(r.getString(11))).append(',');
          line.append(CsvCells.text(r.getString(12))).append(',');
          number(line, r, 13).append(',');
          number(line, r, 14).append(',');
          number(line, r, 15).append(',');
          number(line, r, 16).append(',');
          long cost = r.getLong(17);
          if (!r.wasNull()) {
            line.append(BigDecimal.valueOf(cost, 9).stripTrailingZeros().toPlainString());
          }
          line.append(',');
          line.append(r.getBoolean(18)).append(',');
          number(line, r, 19).append(',');
          number(line, r, 20).append(',');
          number(line, r, 21).append(',');
          line.append(CsvCells.text(r.getString(22))).append("\r\n");
          out.write(line.toString());
        }
      }
    } catch (SQLException e) {
      out.write("# export failed: " + CsvCells.text(e.getMessage()) + "\r\n");
      throw new IOException("Exporting the request log failed: " + e.getMessage(), e);
    }
    out.flush();
  }

  private static StringBuilder number(StringBuilder line, ResultSet r, int column)
      throws SQLException {
    long value = r.getLong(column);
    if (!r.wasNull()) {
      line.append(value);
    }
    return line;
  }

  private static Timestamp utc(Instant instant) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }
}
