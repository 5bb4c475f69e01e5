package dev.clauderelay.gateway.infrastructure.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Talks to Claude's OAuth server: builds the authorize URL (PKCE S256 and a state), exchanges a
 * code for tokens, refreshes them. Admin-time and timer-time only, never on the request path, so
 * blocking calls with short timeouts are fine.
 */
@ApplicationScoped
public class ClaudeOAuthClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @Inject private RelayConfig config;

  private OAuthSettings settings;
  private HttpClient http;
  private final Clock clock = Clock.systemUTC();

  @PostConstruct
  void init() {
    settings = OAuthSettings.from(config);
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  public OAuthSettings settings() {
    return settings;
  }

  /** The URL the admin opens to sign in to Claude and get a code. */
  public String authorizeUrl(Pkce pkce, String state) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("code", "true");
    query.put("client_id", settings.clientId());
    query.put("response_type", "code");
    query.put("redirect_uri", settings.redirectUri());
    query.put("scope", settings.scopes());
    query.put("code_challenge", pkce.challenge());
    query.put("code_challenge_method", "S256");
    query.put("state", state);
    return settings.authorizeUrl()
        + (settings.authorizeUrl().contains("?") ? "&" : "?")
        + query.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  /** Exchanges an authorization code (and its verifier) for tokens. */
  public OAuthTokens exchange(String code, String state, String verifier) {
    ObjectNode body = JSON.createObjectNode();
    body.put("grant_type", "authorization_code");
    body.put("code", code);
    body.put("state", state);
    body.put("client_id", settings.clientId());
    body.put("redirect_uri", settings.redirectUri());
    body.put("code_verifier", verifier);
    return call(body, "code exchange");
  }

  /** Refreshes tokens with a refresh token. */
  public OAuthTokens refresh(String refreshToken) {
    ObjectNode body = JSON.createObjectNode();
    body.put("grant_type", "refresh_token");
    body.put("refresh_token", refreshToken);
    body.put("client_id", settings.clientId());
    return call(body, "token refresh");
  }

  private OAuthTokens call(ObjectNode body, String what) {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                  .timeout(TIMEOUT)
                  .header("content-type", "application/json")
                  .header("accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new OAuthException(
          "The OAuth server did not answer the " + what + " (" + e.getClass().getSimpleName() + ")",
          false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OAuthException("Interrupted during the " + what, false);
    }
    JsonNode answer = parse(response.body());
    if (response.statusCode() != 200) {
      String error = answer.path("error").asText("");
      String description = answer.path("error_description").asText("");
      boolean permanent = response.statusCode() >= 400 && response.statusCode() < 500;
      throw new OAuthException(
          "The OAuth server refused the "
              + what
              + " (HTTP "
              + response.statusCode()
              + (error.isEmpty() ? "" : ", " + error)
              + (description.isEmpty() ? "" : ": " + abbreviate(description))
              + ")",
          permanent);
    }
    String access = answer.path("access_token").asText(null);
    if (access == null || access.isBlank()) {
      throw new OAuthException(
          "The OAuth server's answer to the " + what + " holds no access token", false);
    }
    long expiresIn = answer.path("expires_in").asLong(3600);
    return new OAuthTokens(
        access,
        answer.path("refresh_token").asText(null),
        Instant.now(clock).plusSeconds(expiresIn),
        answer.path("scope").asText(null));
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
