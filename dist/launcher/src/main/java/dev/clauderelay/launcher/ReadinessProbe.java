package dev.clauderelay.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks the started relay, over HTTP, whether it really serves: its health says the database is up,
 * and the console answers. Payara lists an application as deployed even when its web context failed
 * to start.
 */
final class ReadinessProbe {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private ReadinessProbe() {}

  static void require(String baseUrl) {
    String reason = System.getProperty("relay.startup.failure");
    if (reason != null) {
      throw new LaunchException(reason);
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    HttpResponse<String> health = get(client, baseUrl + "/health");
    if (health.statusCode() != 200 || !health.body().contains("\"status\"")) {
      throw new LaunchException(
          "the relay does not report healthy at "
              + baseUrl
              + "/health (HTTP "
              + health.statusCode()
              + ": "
              + abbreviate(health.body())
              + ")");
    }
    HttpResponse<String> console = get(client, baseUrl + "/admin/");
    if (console.statusCode() >= 400) {
      throw new LaunchException(
          "the console does not answer at "
              + baseUrl
              + "/admin/ (HTTP "
              + console.statusCode()
              + "); the SEVERE message above says why.");
    }
  }

  private static HttpResponse<String> get(HttpClient client, String url) {
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new LaunchException("the relay does not answer at " + url + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchException("interrupted while checking " + url);
    }
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }
}
