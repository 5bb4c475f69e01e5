package dev.clauderelay.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings the launcher itself needs, from system properties or else environment variables of
 * the same {@code RELAY_*} names (as MicroProfile Config reads them inside the relay).
 *
 * @param home the relay's installation folder (the one holding {@code bin/} and {@code lib/})
 * @param port the HTTP port, {@code RELAY_PORT}, default 8080
 * @param bindAddress the address to listen on, {@code RELAY_BIND_ADDRESS}, default all
 * @param dataDir where data lives, {@code RELAY_DATA_DIR}, default {@code ~/.claude-relay}
 * @param pluginsDir {@code RELAY_PLUGINS_DIR}, default the installation's {@code plugins/}
 * @param databaseUrl {@code RELAY_DB_URL}; empty means the embedded MariaDB
 * @param embeddedDatabasePort {@code RELAY_EMBEDDED_DB_PORT}; 0 means a free port at each start
 * @param loggingProperties {@code RELAY_LOGGING_PROPERTIES}, default the installation's {@code
 *     conf/logging.properties}
 * @param cluster how this relay joins a cluster, empty for a single relay ({@code RELAY_CLUSTER})
 * @param stopGrace how long a stop waits for the requests in flight, {@code
 *     RELAY_STOP_GRACE_SECONDS}, default 25 s (under the 30 s a Kubernetes pod gets)
 */
record LauncherSettings(
    Path home,
    int port,
    String bindAddress,
    Path dataDir,
    Path pluginsDir,
    Optional<String> databaseUrl,
    int embeddedDatabasePort,
    Path loggingProperties,
    Optional<ClusterSettings> cluster,
    Duration stopGrace) {

  static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(25);

  static LauncherSettings from(Function<String, String> source) {
    Path home =
        Optional.ofNullable(source.apply("relay.home"))
            .map(Path::of)
            .orElseGet(() -> Path.of(""))
            .toAbsolutePath()
            .normalize();
    Path dataDir =
        value(source, "RELAY_DATA_DIR")
            .map(Path::of)
            .orElseGet(() -> Path.of(System.getProperty("user.home"), ".claude-relay"))
            .toAbsolutePath()
            .normalize();
    String bindAddress = value(source, "RELAY_BIND_ADDRESS").orElse("0.0.0.0");
    return new LauncherSettings(
        home,
        port(source, "RELAY_PORT", 8080),
        bindAddress,
        dataDir,
        value(source, "RELAY_PLUGINS_DIR")
            .map(Path::of)
            .orElseGet(() -> home.resolve("plugins"))
            .toAbsolutePath()
            .normalize(),
        value(source, "RELAY_DB_URL"),
        port(source, "RELAY_EMBEDDED_DB_PORT", 0),
        value(source, "RELAY_LOGGING_PROPERTIES")
            .map(Path::of)
            .orElseGet(() -> home.resolve("conf").resolve("logging.properties"))
            .toAbsolutePath(),
        ClusterSettings.from(source, bindAddress),
        stopGrace(source));
  }

  /** System properties first, then the environment. */
  static LauncherSettings fromSystem() {
    Map<String, String> environment = System.getenv();
    return from(
        name -> {
          String value = System.getProperty(name);
          return value != null ? value : environment.get(name);
        });
  }

  private static Optional<String> value(Function<String, String> source, String name) {
    return Optional.ofNullable(source.apply(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static Duration stopGrace(Function<String, String> source) {
    String name = "RELAY_STOP_GRACE_SECONDS";
    Optional<String> value = value(source, name);
    if (value.isEmpty()) {
      return DEFAULT_STOP_GRACE;
    }
    try {
      long seconds = Long.parseLong(value.get());
      if (seconds < 0 || seconds > 3600) {
        throw new NumberFormatException();
      }
      return Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      throw new LaunchException(
          name + " must be a number of seconds between 0 and 3600, was '" + value.get() + "'");
    }
  }

  private static int port(Function<String, String> source, String name, int fallback) {
    Optional<String> value = value(source, name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.get());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new LaunchException(
          name + " must be a port number between 0 and 65535, was '" + value.get() + "'");
    }
  }
}
