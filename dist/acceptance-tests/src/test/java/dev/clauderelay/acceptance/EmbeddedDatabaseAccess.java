package dev.clauderelay.acceptance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Opens the embedded MariaDB of a running relay, as its data directory and output describe it. */
final class EmbeddedDatabaseAccess {

  private EmbeddedDatabaseAccess() {}

  static Connection connect(Path dataDir, String relayOutput) throws IOException, SQLException {
    Matcher port =
        Pattern.compile("Embedded MariaDB is up on 127\\.0\\.0\\.1:(\\d+)").matcher(relayOutput);
    String last = null;
    while (port.find()) {
      last = port.group(1);
    }
    if (last == null) {
      throw new AssertionError("the relay did not say where its embedded MariaDB listens");
    }
    String password = Files.readString(dataDir.resolve("mariadb/relay.password")).strip();
    return DriverManager.getConnection(
        "jdbc:mariadb://127.0.0.1:" + last + "/relay", "relay", password);
  }
}
