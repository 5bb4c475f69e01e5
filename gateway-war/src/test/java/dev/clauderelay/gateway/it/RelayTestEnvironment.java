package dev.clauderelay.gateway.it;

import dev.clauderelay.launcher.EmbeddedDatabase;
import dev.clauderelay.launcher.mariadb.MariaDb4jDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts, once per test JVM, the embedded MariaDB users get, in a fresh data directory, and
 * publishes its coordinates as {@code relay.test.*} system properties for {@code arquillian.xml}.
 * Registered before Arquillian's extension, so it runs before the container starts.
 */
public final class RelayTestEnvironment implements BeforeAllCallback {

  /** The admin password the relay under test is configured with. */
  public static final String ADMIN_PASSWORD = "it-admin-password-0123";

  private static EmbeddedDatabase database;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  static synchronized void start() throws Exception {
    if (database != null) {
      return;
    }
    Path root = Path.of(System.getProperty("relay.test.root", "target")).toAbsolutePath();
    Path dataDir = root.resolve("it-data");
    deleteRecursively(dataDir.resolve("mariadb").resolve("data"));
    Files.createDirectories(dataDir);
    database = new MariaDb4jDatabase.Factory().create(dataDir, freePort());
    database.start();
    Runtime.getRuntime().addShutdownHook(new Thread(database::close, "test-mariadb-stop"));
    System.setProperty("relay.test.db.url", database.jdbcUrl());
    System.setProperty("relay.test.db.user", database.user());
    System.setProperty("relay.test.db.password", database.password());
    System.setProperty("relay.test.data", dataDir.toString());
    System.setProperty("relay.test.admin.password", ADMIN_PASSWORD);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
