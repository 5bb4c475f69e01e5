package dev.clauderelay.plugin.support.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clauderelay.plugin.support.Json;
import java.util.Set;

/**
 * The fields of an OpenAI-style error body the error table reads, from whichever shape the upstream
 * used: {@code {"error":{"type","code","message"}}}, {@code {"error":"text"}}, a one-element list
 * of those, or the fields at top level (vLLM's {@code {"object":"error","message",...}}).
 *
 * @param type {@code error.type}, or {@code null}
 * @param code {@code error.code} as text (providers send strings or numbers), or {@code null}
 * @param message the upstream's message, or {@code null}; never shown to clients unsanitized
 */
public record UpstreamErrorBody(String type, String code, String message) {

  static final UpstreamErrorBody EMPTY = new UpstreamErrorBody(null, null, null);

  /** Reads a body that may be empty or not JSON at all (an HTML page from a proxy). */
  public static UpstreamErrorBody parse(byte[] body) {
    JsonNode root = body == null ? null : Json.parseOrNull(body);
    return root == null ? EMPTY : of(root);
  }

  /** Reads an error object already parsed: a whole body, or an error event of a stream. */
  public static UpstreamErrorBody of(JsonNode root) {
    JsonNode node = root.isArray() ? root.path(0) : root;
    JsonNode error = node.get("error");
    if (error != null && error.isTextual()) {
      return new UpstreamErrorBody(null, null, error.asText());
    }
    JsonNode fields = error != null && error.isObject() ? error : node;
    return new UpstreamErrorBody(
        Json.text(fields, "type"), Json.scalar(fields, "code"), Json.text(fields, "message"));
  }

  /** The HTTP status some upstreams (OpenRouter) put in {@code error.code}, or 0. */
  int embeddedStatus() {
    if (code == null || !code.matches("[1-5]\\d\\d")) {
      return 0;
    }
    return Integer.parseInt(code);
  }

  boolean hasMarker(Set<String> markers) {
    return (type != null && markers.contains(type)) || (code != null && markers.contains(code));
  }
}
