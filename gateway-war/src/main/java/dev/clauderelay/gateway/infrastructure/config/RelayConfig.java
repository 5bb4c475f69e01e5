package dev.clauderelay.gateway.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The relay's settings. Every setting is a {@code RELAY_*} name, read from a system property or an
 * environment variable of that exact name (MicroProfile Config), so {@code RELAY_ADMIN_USERNAME=ops
 * bin/relay} and {@code -DRELAY_ADMIN_USERNAME=ops} mean the same.
 */
@ApplicationScoped
public class RelayConfig {

  /** The version of this build, written into {@code relay-version.properties} by the build. */
  public static final String VERSION = readVersion();

  private final Config config = ConfigProvider.getConfig(RelayConfig.class.getClassLoader());

  private static String readVersion() {
    try (InputStream in = RelayConfig.class.getResourceAsStream("/relay-version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "development");
    } catch (IOException e) {
      return "development";
    }
  }

  public Path dataDir() {
    return DataDirectory.resolve(optional("RELAY_DATA_DIR").orElse(null));
  }

  public Path pluginsDir() {
    return optional("RELAY_PLUGINS_DIR")
        .map(Path::of)
        .orElseGet(() -> dataDir().resolve("plugins"))
        .toAbsolutePath();
  }

  /** The largest plugin jar an admin may upload ({@code RELAY_MAX_PLUGIN_BYTES}, 16 MB). */
  public long maxPluginBytes() {
    return optionalLong("RELAY_MAX_PLUGIN_BYTES").orElse(16L * 1024 * 1024);
  }

  public String adminUsername() {
    return optional("RELAY_ADMIN_USERNAME").orElse("admin");
  }

  /** The admin password from the environment; empty means the relay manages a generated one. */
  public Optional<String> adminPassword() {
    return optional("RELAY_ADMIN_PASSWORD");
  }

  public Duration adminSessionTtl() {
    return Duration.ofMinutes(optionalLong("RELAY_ADMIN_SESSION_MINUTES").orElse(12 * 60L));
  }

  /** The master key for secrets at rest; empty means a key file in the data directory. */
  public Optional<String> masterKey() {
    return optional("RELAY_MASTER_KEY");
  }

  /**
   * Addresses of the reverse proxies whose {@code X-Forwarded-For} is believed; none by default
   * (the relay's own console proves itself otherwise).
   */
  public String trustedProxies() {
    return optional("RELAY_TRUSTED_PROXIES").orElse("");
  }

  public Optional<String> databaseUrl() {
    return optional("RELAY_DB_URL");
  }

  public Optional<String> optional(String name) {
    return config.getOptionalValue(name, String.class).map(String::strip).filter(v -> !v.isEmpty());
  }

  private Optional<Long> optionalLong(String name) {
    return optional(name)
        .map(
            value -> {
              try {
                return Long.parseLong(value);
              } catch (NumberFormatException e) {
                throw new IllegalStateException(
                    name + " must be a whole number, was '" + value + "'", e);
              }
            });
  }
}
