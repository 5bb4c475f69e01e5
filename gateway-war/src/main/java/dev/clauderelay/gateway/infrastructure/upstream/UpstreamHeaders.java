package dev.clauderelay.gateway.infrastructure.upstream;

import dev.clauderelay.gateway.domain.model.provider.ProviderKind;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which client headers travel upstream, and the one place credentials are applied. Client
 * credentials, cookies and hop-by-hop headers never leave the relay; {@code anthropic-beta} loses
 * the betas a provider rejects; everything else (versions, betas, Claude Code's identification)
 * passes unchanged.
 */
public final class UpstreamHeaders {

  private static final Set<String> NEVER_FORWARDED =
      Set.of(
          "host",
          "content-length",
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "proxy-connection",
          "te",
          "trailer",
          "trailers",
          "transfer-encoding",
          "upgrade",
          "expect",
          "http2-settings",
          "x-api-key",
          "authorization",
          "cookie",
          "origin",
          "referer",
          // The relay reads upstream bodies (usage, events): they must come uncompressed.
          "accept-encoding",
          "forwarded",
          "x-forwarded-for",
          "x-forwarded-host",
          "x-forwarded-proto",
          "x-real-ip");

  private UpstreamHeaders() {}

  /** An upstream answer's headers by their names in lower case, as error classifiers read them. */
  public static Map<String, List<String>> lowerCased(HttpHeaders headers) {
    Map<String, List<String>> map = new HashMap<>();
    headers.map().forEach((name, values) -> map.put(name.toLowerCase(Locale.ROOT), values));
    return map;
  }

  /** The client's headers an Anthropic-format upstream should see, names in lower case. */
  public static Map<String, List<String>> forwardable(
      Map<String, List<String>> clientHeaders, Set<String> betasToDrop) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    clientHeaders.forEach(
        (name, values) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (NEVER_FORWARDED.contains(lower)) {
            return;
          }
          if ("anthropic-beta".equals(lower) && !betasToDrop.isEmpty()) {
            List<String> kept = keptBetas(values, betasToDrop);
            if (!kept.isEmpty()) {
              result.put(lower, List.of(String.join(",", kept)));
            }
            return;
          }
          result.computeIfAbsent(lower, k -> new ArrayList<>()).addAll(values);
        });
    return result;
  }

  private static List<String> keptBetas(List<String> values, Set<String> betasToDrop) {
    List<String> kept = new ArrayList<>();
    for (String value : values) {
      for (String beta : value.split(",")) {
        String trimmed = beta.strip();
        if (!trimmed.isEmpty() && !betasToDrop.contains(trimmed.toLowerCase(Locale.ROOT))) {
          kept.add(trimmed);
        }
      }
    }
    return kept;
  }

  /** The beta Anthropic requires on requests authorized by a Claude subscription's OAuth token. */
  public static final String OAUTH_BETA = "oauth-2025-04-20";

  /**
   * Applies a Claude account's OAuth access token: a bearer token plus {@link #OAUTH_BETA}, added
   * to whatever betas the client asked for.
   */
  public static void applyOAuthToken(String accessToken, Map<String, List<String>> headers) {
    headers.remove("x-api-key");
    headers.put("authorization", List.of("Bearer " + accessToken));
    List<String> betas = new ArrayList<>();
    for (String value : headers.getOrDefault("anthropic-beta", List.of())) {
      for (String beta : value.split(",")) {
        String trimmed = beta.strip();
        if (!trimmed.isEmpty() && !betas.contains(trimmed)) {
          betas.add(trimmed);
        }
      }
    }
    if (!betas.contains(OAUTH_BETA)) {
      betas.add(OAUTH_BETA);
    }
    headers.put("anthropic-beta", List.of(String.join(",", betas)));
  }

  /**
   * Applies a provider key the way its kind expects: {@code x-api-key} for Anthropic, a bearer
   * token for OpenAI-compatible APIs (Chat Completions and Responses), {@code x-goog-api-key} for
   * Gemini (never in the URL).
   */
  public static void applyApiKey(
      ProviderKind kind, String secret, Map<String, List<String>> headers) {
    switch (kind) {
      case ANTHROPIC -> headers.put("x-api-key", List.of(secret));
      case OPENAI, OPENAI_RESPONSES -> headers.put("authorization", List.of("Bearer " + secret));
      case GEMINI -> headers.put("x-goog-api-key", List.of(secret));
    }
  }
}
