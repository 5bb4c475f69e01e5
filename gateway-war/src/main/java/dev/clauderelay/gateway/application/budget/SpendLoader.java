package dev.clauderelay.gateway.application.budget;

import dev.clauderelay.gateway.infrastructure.persistence.RelayDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Puts back, at start, what client keys spent in the current day, week and month: the hourly usage
 * aggregates hold it (written in batches with the request log), and the periods start on whole
 * hours, so their sums are exact. A restart therefore does not hand anyone a fresh budget.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class SpendLoader {

  private static final Logger LOG = Logger.getLogger(SpendLoader.class.getName());

  @Resource(lookup = RelayDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Inject private Budgets budgets;

  @PostConstruct
  void load() {
    long now = budgets.now();
    SpendStore store = budgets.guard().store();
    int keys = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement sums =
            connection.prepareStatement(
                "SELECT client_key_id, SUM(cost_nanos), SUM(input_tokens + output_tokens"
                    + " + cache_creation_tokens + cache_read_tokens) FROM usage_hourly"
                    + " WHERE hour_start >= ? AND client_key_id > 0 GROUP BY client_key_id")) {
      for (BudgetPeriod period : BudgetPeriod.values()) {
        long start = period.startOf(now);
        sums.setTimestamp(
            1,
            Timestamp.valueOf(
                LocalDateTime.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC)));
        try (ResultSet rows = sums.executeQuery()) {
          while (rows.next()) {
            store.restore(rows.getLong(1), period, start, rows.getLong(2), rows.getLong(3));
            keys++;
          }
        }
      }
      int restored = keys;
      LOG.info(
          () -> "Client keys' spend reloaded from the usage aggregates (" + restored + " row(s))");
    } catch (SQLException e) {
      LOG.log(
          Level.WARNING,
          "Could not reload client keys' spend; budgets count from zero until the next start: {0}",
          e.getMessage());
    }
  }
}
