package dev.clauderelay.gateway.infrastructure.persistence;

import dev.clauderelay.gateway.infrastructure.config.DatabaseConfigSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A connection for the last writes at shutdown. Payara removes the application's pooled data source
 * before it calls the beans' {@code @PreDestroy}, so usage and key state still in memory then are
 * written over a plain JDBC connection to the same database.
 */
public final class ShutdownConnection {

  private ShutdownConnection() {}

  /** The pool's connection while running; a direct one once the relay is stopping. */
  public static Connection open(DataSource pool, boolean stopping) throws SQLException {
    if (!stopping) {
      return pool.getConnection();
    }
    String url = new DatabaseConfigSource().getValue(DatabaseConfigSource.DATASOURCE_URL);
    return DriverManager.getConnection(url);
  }
}
