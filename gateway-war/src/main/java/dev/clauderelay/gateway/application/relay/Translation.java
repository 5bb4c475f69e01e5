package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.plugin.api.TranslationContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What one request's translations share over all its attempts: the message id its client sees (made
 * once, so every attempt answers under the same id) and the fields or blocks a translator dropped
 * on purpose, which the answer names in {@code x-relay-degraded} and the request log keeps. Both
 * are made only when a translated provider asks for them; a passthrough request never does.
 *
 * <p>Not thread-safe: called under its exchange's lock (translators run inside it too).
 */
final class Translation implements Consumer<String> {

  private static final String SESSION_HEADER = "x-claude-code-session-id";

  /** The longest client session id passed to translators; longer ones are not ids. */
  static final int MAX_SESSION_ID_LENGTH = 200;

  private final MessagesRequest request;
  private final String clientSessionId;
  private String messageId;
  private Set<String> degradations;

  Translation(MessagesRequest request, Map<String, List<String>> headers) {
    this.request = request;
    this.clientSessionId = sessionId(headers);
  }

  /** Claude Code's {@code x-claude-code-session-id}, when present and of a sane length. */
  static String sessionId(Map<String, List<String>> headers) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (SESSION_HEADER.equalsIgnoreCase(header.getKey())
          && header.getValue() != null
          && !header.getValue().isEmpty()) {
        String value = header.getValue().get(0);
        if (value == null) {
          return null;
        }
        value = value.strip();
        return value.isEmpty() || value.length() > MAX_SESSION_ID_LENGTH ? null : value;
      }
    }
    return null;
  }

  /** What a transformer may know about this request, sent on to {@code upstreamModel}. */
  TranslationContext context(String upstreamModel) {
    if (messageId == null) {
      messageId = RequestIds.messageId();
    }
    return new TranslationContext(
        request.model(), upstreamModel, request.stream(), messageId, this, clientSessionId);
  }

  /** A translator dropped something the upstream cannot take: one short sentence. */
  @Override
  public void accept(String degradation) {
    if (degradations == null) {
      degradations = new LinkedHashSet<>();
    }
    degradations.add(degradation);
  }

  /** Everything dropped so far, {@code "; "}-joined; {@code null} when nothing was. */
  String degradations() {
    return degradations == null ? null : String.join("; ", degradations);
  }
}
