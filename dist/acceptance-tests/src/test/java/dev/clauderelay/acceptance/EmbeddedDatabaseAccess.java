package dev.clauderelay.acceptance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Opens the embedded MariaDB of a running relay, as its data directory and output describe it. */
final class EmbeddedDatabaseAccess {

  private EmbeddedDatabaseAccess() {}

  /** As the relay connects: its account, over TCP. */
  static Connection connect(Path dataDir, String relayOutput) throws IOException, SQLException {
    String password = Files.readString(dataDir.resolve("mariadb/relay.password")).strip();
    return DriverManager.getConnection(
        "jdbc:mariadb://127.0.0.1:" + port(relayOutput) + "/relay", "relay", password);
  }

  /** The TCP port the relay said its embedded MariaDB listens on (at its last start). */
  static int port(String relayOutput) {
    Matcher port =
        Pattern.compile("Embedded MariaDB is up on 127\\.0\\.0\\.1:(\\d+)").matcher(relayOutput);
    String last = null;
    while (port.find()) {
      last = port.group(1);
    }
    if (last == null) {
      throw new AssertionError("the relay did not say where its embedded MariaDB listens");
    }
    return Integer.parseInt(last);
  }

  /** Where the server's unix socket is when the data directory leaves room for it. */
  static Path socket(Path dataDir) {
    return dataDir.resolve("mariadb/run/mariadb.sock");
  }

  /**
   * As the OS user running the tests (who runs the relay too), through the unix socket: the
   * database account mariadb-install-db made for that user, with every right, and no password.
   */
  static Connection connectThroughSocket(Path dataDir) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mariadb://localhost/?localSocket=" + socket(dataDir),
        System.getProperty("user.name"),
        null);
  }

  /** Over TCP as {@code user} with no password at all, as anyone on the machine could try. */
  static Connection connectWithoutPassword(int port, String user) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("connectTimeout", "5000");
    return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", properties);
  }
}
