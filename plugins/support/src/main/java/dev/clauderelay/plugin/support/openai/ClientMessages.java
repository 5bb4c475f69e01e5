package dev.clauderelay.plugin.support.openai;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages clients see for upstream errors. Fixed sentences for everything about the relay's
 * keys and the upstream's health (upstream text there names organisations, key fragments and
 * dashboards); the upstream's own words, sanitized, only where they describe the client's request.
 */
final class ClientMessages {

  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|wss?)://\\S+");
  private static final Pattern KEY_LIKE =
      Pattern.compile("(?i)\\b(?:bearer\\s+\\S+|(?:sk|rk|pk|ak|org|proj|key)-[A-Za-z0-9*._-]{3,})");
  private static final Pattern OPAQUE_TOKEN = Pattern.compile("[A-Za-z0-9_\\-.]{32,}");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final int MAX_LENGTH = 300;

  private static final Pattern CONTEXT_LIMIT =
      Pattern.compile("(?i)maximum context length is (\\d+)");
  private static final Pattern CONTEXT_USED =
      Pattern.compile("(?i)(?:resulted in|you requested|requested|got) (\\d+) tokens");

  private ClientMessages() {}

  static String credentials() {
    return "The upstream provider refused the relay's API key for this route;"
        + " an administrator needs to replace it.";
  }

  static String quota() {
    return "The upstream provider's quota or balance for this route is used up;"
        + " retry later or ask an administrator to top it up.";
  }

  static String rateLimited() {
    return "The upstream provider is rate-limiting this route; retry shortly.";
  }

  static String overloaded() {
    return "The upstream provider is overloaded; retry shortly.";
  }

  static String region() {
    return "The upstream provider does not serve the relay's region.";
  }

  static String timeout() {
    return "The upstream provider timed out.";
  }

  static String upstreamFailed(int status) {
    return status > 0
        ? "The upstream provider failed (HTTP " + status + ")."
        : "The upstream provider failed while answering.";
  }

  /**
   * In Anthropic's wording, {@code prompt is too long: N tokens > M maximum}, because Claude Code
   * recognises that text and compacts the conversation instead of giving up.
   */
  static String promptTooLong(String upstreamMessage) {
    if (upstreamMessage != null) {
      Matcher limit = CONTEXT_LIMIT.matcher(upstreamMessage);
      Matcher used = CONTEXT_USED.matcher(upstreamMessage);
      if (limit.find() && used.find()) {
        return "prompt is too long: " + used.group(1) + " tokens > " + limit.group(1) + " maximum";
      }
    }
    return "prompt is too long for the upstream model's context window"
        + suffix(sanitize(upstreamMessage));
  }

  static String rejected(int status, String upstreamMessage) {
    String detail = sanitize(upstreamMessage);
    return detail == null
        ? "The upstream provider rejected the request (HTTP " + status + ")."
        : "The upstream provider rejected the request: " + detail;
  }

  /** Upstream text with URLs, key-like and opaque tokens removed, on one line, bounded. */
  static String sanitize(String upstreamMessage) {
    if (upstreamMessage == null || upstreamMessage.isBlank()) {
      return null;
    }
    String text = URL.matcher(upstreamMessage).replaceAll("[url]");
    text = KEY_LIKE.matcher(text).replaceAll("[redacted]");
    text = OPAQUE_TOKEN.matcher(text).replaceAll("[redacted]");
    text = WHITESPACE.matcher(text).replaceAll(" ").strip();
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
  }

  private static String suffix(String detail) {
    return detail == null ? "." : ": " + detail;
  }
}
