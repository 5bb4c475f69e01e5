package dev.clauderelay.gateway.it;

import dev.clauderelay.launcher.EmbeddedDatabase;
import dev.clauderelay.launcher.mariadb.MariaDb4jDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Provides, once per test JVM, the MariaDB the relay under test uses, empty, and publishes its
 * coordinates as {@code relay.test.*} system properties for {@code arquillian.xml}. Registered
 * before Arquillian's extension, so it runs before the container starts.
 *
 * <p>By default: the embedded MariaDB users get. With {@code -Drelay.test.db=external}: the server
 * of {@code RELAY_TEST_DB_URL} (user {@code RELAY_TEST_DB_USER}, password {@code
 * RELAY_TEST_DB_PASSWORD}), in a database {@code relay_it} created afresh on it; the tests are
 * skipped when {@code RELAY_TEST_DB_URL} is not set, and fail instead when {@code
 * RELAY_TEST_REQUIRE_ALL=true} (CI).
 *
 * <p>Also points {@code RELAY_CONFIG_FILE} of every relay started at a file the tests may write
 * ({@link #useConfiguration}, {@code {}} by default) and keeps a copy of the relays' console, their
 * server log ({@link ServerLog}).
 */
public final class RelayTestEnvironment implements BeforeAllCallback {

  /** The admin password the relay under test is configured with. */
  public static final String ADMIN_PASSWORD = "it-admin-password-0123";

  private static final String EXTERNAL_DATABASE = "relay_it";

  private static MockOAuthServer oauth;
  private static Path configFile;
  private static String jdbcUrl;
  private static String user;
  private static String password;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  /** The relay database's JDBC URL, user and password, for tests that look inside. */
  public static Connection openDatabase() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  /** The relay database as a data source, for tests that drive a part of the relay directly. */
  public static DataSource relayDatabase() throws SQLException {
    MariaDbDataSource dataSource = new MariaDbDataSource(jdbcUrl);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    return dataSource;
  }

  static synchronized void start() throws Exception {
    if (jdbcUrl != null) {
      return;
    }
    Path root = Path.of(System.getProperty("relay.test.root", "target")).toAbsolutePath();
    boolean external = "external".equals(System.getProperty("relay.test.db"));
    Path dataDir = root.resolve(external ? "it-data-external" : "it-data");
    Files.createDirectories(dataDir);
    if (external) {
      useExternalServer();
    } else {
      startEmbedded(dataDir);
    }
    System.setProperty("relay.test.db.url", jdbcUrl);
    System.setProperty("relay.test.db.user", user);
    System.setProperty("relay.test.db.password", password);
    System.setProperty("relay.test.data", dataDir.toString());
    System.setProperty("relay.test.admin.password", ADMIN_PASSWORD);
    configFile = dataDir.resolve("relay-config.json");
    useConfiguration("{}");
    System.setProperty("relay.test.config", configFile.toString());
    ServerLog.capture();
    oauth = new MockOAuthServer();
    System.setProperty("relay.test.oauth.token-url", oauth.tokenUrl());
  }

  /**
   * Sets the {@code RELAY_CONFIG_FILE} every relay started from now on applies; {@code {}} (the
   * default) names nothing.
   */
  static void useConfiguration(String json) throws IOException {
    Files.writeString(configFile, json);
  }

  /** Claude's OAuth server as the relay under test sees it. */
  static MockOAuthServer oauth() {
    return oauth;
  }

  private static void startEmbedded(Path dataDir) throws Exception {
    deleteRecursively(dataDir.resolve("mariadb").resolve("data"));
    EmbeddedDatabase database = new MariaDb4jDatabase.Factory().create(dataDir, freePort());
    database.start();
    Runtime.getRuntime().addShutdownHook(new Thread(database::close, "test-mariadb-stop"));
    jdbcUrl = database.jdbcUrl();
    user = database.user();
    password = database.password();
  }

  private static void useExternalServer() throws SQLException {
    String serverUrl = System.getenv("RELAY_TEST_DB_URL");
    if (serverUrl == null || serverUrl.isBlank()) {
      String message =
          "RELAY_TEST_DB_URL is not set: the persistence tests against an external MariaDB are"
              + " skipped (set it, e.g. jdbc:mariadb://127.0.0.1:3306/test with"
              + " RELAY_TEST_DB_USER=root, to run them)";
      if ("true".equals(System.getenv("RELAY_TEST_REQUIRE_ALL"))) {
        throw new IllegalStateException(message);
      }
      Assumptions.abort(message);
    }
    user = System.getenv().getOrDefault("RELAY_TEST_DB_USER", "root");
    password = System.getenv().getOrDefault("RELAY_TEST_DB_PASSWORD", "");
    try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + EXTERNAL_DATABASE);
      statement.execute(
          "CREATE DATABASE " + EXTERNAL_DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    jdbcUrl = withDatabase(serverUrl, EXTERNAL_DATABASE);
  }

  /** {@code jdbc:mariadb://host:port/any?x=y} with the database part replaced. */
  static String withDatabase(String url, String database) {
    int hostStart = url.indexOf("//") + 2;
    int pathStart = url.indexOf('/', hostStart);
    int queryStart = url.indexOf('?');
    String server =
        pathStart < 0
            ? (queryStart < 0 ? url : url.substring(0, queryStart))
            : url.substring(0, pathStart);
    String query = queryStart < 0 ? "" : url.substring(queryStart);
    return server + "/" + database + query;
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
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
