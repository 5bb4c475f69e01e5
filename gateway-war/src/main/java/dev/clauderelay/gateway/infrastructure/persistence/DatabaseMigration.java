package dev.clauderelay.gateway.infrastructure.persistence;

import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import dev.clauderelay.gateway.infrastructure.config.StartupFailure;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway before anything touches the database. Beans that need
 * the schema declare {@code @DependsOn("DatabaseMigration")}.
 *
 * <p>Bean-managed transactions because Flyway runs its own; a container transaction around it would
 * hold a connection Flyway cannot commit.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

  private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

  /** The embedded MariaDB may still be starting when the relay deploys. */
  private static final Duration WAIT_FOR_DATABASE = Duration.ofSeconds(60);

  @Resource(lookup = RelayDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Inject private RelayConfig config;

  @PostConstruct
  void start() {
    try {
      migrate();
    } catch (RuntimeException e) {
      throw StartupFailure.report(e);
    }
  }

  private void migrate() {
    if (config.databaseUrl().isEmpty()) {
      throw new IllegalStateException(
          "RELAY_DB_URL is not set. Start the relay with bin/relay, which runs an embedded MariaDB,"
              + " or set RELAY_DB_URL (and RELAY_DB_USER, RELAY_DB_PASSWORD) to an external one.");
    }
    awaitDatabase();
    MigrateResult result =
        Flyway.configure(DatabaseMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .load()
            .migrate();
    LOG.log(
        Level.INFO,
        "Database schema at version {0} ({1} migration(s) applied now)",
        new Object[] {result.targetSchemaVersion, result.migrationsExecuted});
  }

  private void awaitDatabase() {
    long deadline = System.nanoTime() + WAIT_FOR_DATABASE.toNanos();
    SQLException last;
    do {
      try (Connection connection = dataSource.getConnection()) {
        if (connection.isValid(2)) {
          return;
        }
        last = new SQLException("connection reported invalid");
      } catch (SQLException e) {
        last = e;
      }
      sleepBriefly();
    } while (System.nanoTime() < deadline);
    throw new IllegalStateException(
        "The database at RELAY_DB_URL did not answer within "
            + WAIT_FOR_DATABASE.toSeconds()
            + " s: "
            + last.getMessage(),
        last);
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the database", e);
    }
  }
}
