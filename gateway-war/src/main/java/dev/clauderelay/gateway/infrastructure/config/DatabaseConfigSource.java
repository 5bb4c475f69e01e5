package dev.clauderelay.gateway.infrastructure.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives {@code relay.datasource.url}, the one value the container's data source needs, from
 * {@code RELAY_DB_URL}, {@code RELAY_DB_USER} and {@code RELAY_DB_PASSWORD}.
 *
 * <p>Why one URL: {@code ${MPCONFIG=...}} in {@code @DataSourceDefinition} leaves an attribute
 * unresolved when its value is empty, and an external MariaDB may well have an empty password (a
 * developer's local root). Credentials therefore travel as URL parameters, which MariaDB
 * Connector/J reads and never prints.
 */
public class DatabaseConfigSource implements ConfigSource {

  public static final String DATASOURCE_URL = "relay.datasource.url";

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(DATASOURCE_URL);
  }

  @Override
  public String getValue(String propertyName) {
    if (!DATASOURCE_URL.equals(propertyName)) {
      return null;
    }
    String url = setting("RELAY_DB_URL");
    if (url == null) {
      // Resolved at deployment; DatabaseMigration reports the missing setting in plain words.
      return "jdbc:mariadb://relay-db-url-is-not-set:3306/relay";
    }
    return withCredentials(url, setting("RELAY_DB_USER"), setting("RELAY_DB_PASSWORD"));
  }

  static String withCredentials(String url, String user, String password) {
    StringBuilder result = new StringBuilder(url);
    char separator = url.indexOf('?') >= 0 ? '&' : '?';
    for (Map.Entry<String, String> parameter :
        List.of(
            Map.entry("user", nullToEmpty(user)), Map.entry("password", nullToEmpty(password)))) {
      if (parameter.getValue().isEmpty() || url.contains(parameter.getKey() + "=")) {
        continue;
      }
      result
          .append(separator)
          .append(parameter.getKey())
          .append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return result.toString();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String setting(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public int getOrdinal() {
    return 100;
  }

  @Override
  public String getName() {
    return "relay-database";
  }
}
