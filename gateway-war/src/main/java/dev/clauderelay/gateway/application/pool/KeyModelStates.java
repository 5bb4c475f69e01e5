package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.gateway.infrastructure.persistence.RelayDataSource;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads the stored per-(key, model) states ({@code provider_key_model_state}) when the pool
 * restores keys, so a key that used up one model's daily quota is still resting for it after a
 * restart. {@link KeyStateWriter} writes them.
 */
@ApplicationScoped
public class KeyModelStates {

  @Resource(lookup = RelayDataSource.JNDI_NAME)
  private DataSource dataSource;

  /** Every stored state, by key id. */
  public Map<Long, List<KeySnapshot.ModelSnapshot>> load() {
    Map<Long, List<KeySnapshot.ModelSnapshot>> byKey = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT key_id, model, status, status_until, status_reason, window_start,"
                    + " window_requests FROM provider_key_model_state");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String status = rows.getString(3);
        Timestamp windowStart = rows.getTimestamp(6);
        byKey
            .computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
            .add(
                new KeySnapshot.ModelSnapshot(
                    rows.getString(2),
                    status == null ? null : KeyStatus.valueOf(status),
                    millis(rows.getTimestamp(4)),
                    rows.getString(5),
                    windowStart == null
                        ? KeySelectionStrategy.NO_QUOTA_WINDOW
                        : millis(windowStart),
                    rows.getLong(7)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the keys' per-model states failed", e);
    }
    return byKey;
  }

  private static long millis(Timestamp utc) {
    return utc == null ? 0 : utc.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
