package dev.clauderelay.gateway.application.relay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.clauderelay.gateway.application.usage.ClientSession;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request's {@link ClientSession} from Claude Code's own headers, falling back on the
 * session inside {@code metadata.user_id}: a JSON string such as {@code
 * {"device_id":"…","account_uuid":"","session_id":"…"}} since late 2026, {@code
 * user_<hash>_account_<uuid>_session_<uuid>} before. Pure and bounded: an id longer than {@link
 * #MAX_ID_LENGTH} or with characters outside {@code [A-Za-z0-9._:-]} is ignored, and a user id
 * longer than {@link #MAX_USER_ID_LENGTH} is not parsed (it still keys affinity, as sent).
 */
public final class ClientSessions {

  public static final String SESSION_HEADER = "x-claude-code-session-id";
  public static final String AGENT_HEADER = "x-claude-code-agent-id";
  public static final String PARENT_AGENT_HEADER = "x-claude-code-parent-agent-id";

  static final int MAX_ID_LENGTH = 128;
  static final int MAX_USER_ID_LENGTH = 2048;

  private static final String LEGACY_SESSION_MARK = "_session_";

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(4)
                  .maxStringLength(MAX_USER_ID_LENGTH)
                  .build())
          .build();

  private ClientSessions() {}

  /**
   * @param headers the client's headers, names as sent (matched without regard to case)
   * @param userId {@code metadata.user_id} as sent, or {@code null}
   */
  public static ClientSession of(Map<String, List<String>> headers, String userId) {
    String sessionId = null;
    String agentId = null;
    String parentAgentId = null;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey();
      if (!startsWithClaudeCode(name)) {
        continue;
      }
      switch (name.toLowerCase(Locale.ROOT)) {
        case SESSION_HEADER -> sessionId = id(first(header.getValue()));
        case AGENT_HEADER -> agentId = id(first(header.getValue()));
        case PARENT_AGENT_HEADER -> parentAgentId = id(first(header.getValue()));
        default -> {
          // another Claude Code header: not a session's
        }
      }
    }
    if (sessionId == null && userId != null) {
      sessionId = sessionInUserId(userId);
    }
    if (sessionId == null && userId == null && agentId == null) {
      return ClientSession.NONE;
    }
    return new ClientSession(
        sessionId, agentId, parentAgentId, sessionId != null ? sessionId : userId);
  }

  private static boolean startsWithClaudeCode(String name) {
    return name.regionMatches(true, 0, "x-claude-code-", 0, "x-claude-code-".length());
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The session id inside a user id of either Claude Code form, or {@code null}. */
  static String sessionInUserId(String userId) {
    if (userId.length() > MAX_USER_ID_LENGTH) {
      return null;
    }
    String trimmed = userId.strip();
    if (trimmed.startsWith("{")) {
      return sessionInJson(trimmed);
    }
    int mark = trimmed.lastIndexOf(LEGACY_SESSION_MARK);
    return mark < 0 ? null : id(trimmed.substring(mark + LEGACY_SESSION_MARK.length()));
  }

  private static String sessionInJson(String json) {
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String found = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("session_id".equals(field) && value == JsonToken.VALUE_STRING) {
          found = id(parser.getText());
        } else {
          parser.skipChildren();
        }
      }
      return found;
    } catch (IOException | RuntimeException e) {
      return null; // not JSON after all: the user id still keys affinity as sent
    }
  }

  /** {@code value} stripped when it is a usable id, else {@code null}. */
  static String id(String value) {
    if (value == null) {
      return null;
    }
    String id = value.strip();
    if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
      return null;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.'
              || c == ':';
      if (!allowed) {
        return null;
      }
    }
    return id;
  }
}
