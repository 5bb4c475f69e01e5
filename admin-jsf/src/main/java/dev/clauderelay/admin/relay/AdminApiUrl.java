package dev.clauderelay.admin.relay;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where the gateway's admin API is: {@code RELAY_ADMIN_API_URL} when set, else the gateway in the
 * same Payara Micro, {@code http://127.0.0.1:${RELAY_PORT}} ({@code RELAY_PORT} defaults to 8080).
 * Loopback, because the gateway believes {@code X-Forwarded-For} only from trusted proxies.
 */
public final class AdminApiUrl {

  public static final int DEFAULT_PORT = 8080;

  private AdminApiUrl() {}

  public static URI resolve(Optional<String> configuredUrl, Optional<String> relayPort) {
    Optional<String> url = configuredUrl.map(String::strip).filter(s -> !s.isEmpty());
    if (url.isPresent()) {
      return parse(url.get());
    }
    int port =
        relayPort
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(AdminApiUrl::port)
            .orElse(DEFAULT_PORT);
    return URI.create("http://127.0.0.1:" + port);
  }

  private static URI parse(String value) {
    String trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    try {
      URI uri = new URI(trimmed);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "RELAY_ADMIN_API_URL must be an http(s) URL such as http://127.0.0.1:8080, was '"
                + value
                + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "RELAY_ADMIN_API_URL is not a URL: '" + value + "' (" + e.getReason() + ")", e);
    }
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port < 1 || port > 65_535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "RELAY_PORT must be a port number between 1 and 65535, was '" + value + "'", e);
    }
  }
}
