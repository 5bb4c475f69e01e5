package dev.clauderelay.plugins.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clauderelay.plugin.support.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code prompt_cache_key} of a request: one value per client conversation, so the upstream
 * routes every turn of a Claude Code session to the cache that holds its prefix. From, in order:
 * the {@code x-claude-code-session-id} header; the session in {@code metadata.user_id} (Claude Code
 * writes {@code user_<hash>_account_<uuid>_session_<uuid>}, or a JSON object with {@code
 * session_id} in newer versions); the whole user id. Keys longer than {@link #MAX_LENGTH} are
 * replaced by their SHA-256, so a client cannot send an unbounded key upstream.
 *
 * <p><b>Purity and threading:</b> functions of their arguments, callable from any thread.
 */
final class PromptCacheKey {

  static final int MAX_LENGTH = 64;

  private static final Pattern SESSION_IN_USER_ID =
      Pattern.compile("_session_([0-9A-Za-z-]{8,64})$");

  private PromptCacheKey() {}

  /** The key, or {@code null} when the request names no session and no user. */
  static String of(String sessionHeader, JsonNode metadata) {
    if (sessionHeader != null && !sessionHeader.isBlank()) {
      return bounded(sessionHeader.strip());
    }
    String userId = Json.text(metadata, "user_id");
    if (userId == null || userId.isBlank()) {
      return null;
    }
    JsonNode structured = userId.strip().startsWith("{") ? Json.parseOrNull(userId) : null;
    String session = Json.nonEmptyText(structured, "session_id");
    if (session != null) {
      return bounded(session);
    }
    Matcher matcher = SESSION_IN_USER_ID.matcher(userId);
    return bounded(matcher.find() ? matcher.group(1) : userId.strip());
  }

  private static String bounded(String key) {
    if (key.length() <= MAX_LENGTH) {
      return key;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
