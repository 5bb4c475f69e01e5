package dev.clauderelay.launcher;

import java.nio.file.Path;

/**
 * A database server the launcher runs for the relay when none is configured. The implementation
 * lives in its own class loader (see {@link EmbeddedDatabaseLoader}) so its libraries never reach
 * the deployed applications.
 */
public interface EmbeddedDatabase extends AutoCloseable {

  /** Starts the server and returns when it accepts connections. */
  void start() throws Exception;

  /** The JDBC URL of the relay's database on this server. */
  String jdbcUrl();

  String user();

  String password();

  /** Stops the server cleanly; the data stays. Never throws. */
  @Override
  void close();

  /** Creates the embedded database; found with {@link java.util.ServiceLoader}. */
  interface Factory {

    /**
     * @param dataDir the relay's data directory; the database keeps its files below it
     * @param port the TCP port to listen on, on 127.0.0.1 only
     */
    EmbeddedDatabase create(Path dataDir, int port);
  }
}
