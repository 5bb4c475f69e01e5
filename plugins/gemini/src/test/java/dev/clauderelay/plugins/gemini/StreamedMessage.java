package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.SseEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates a client stream into the content blocks a client keeps, the way Anthropic's SDKs do
 * (and then echo back in the next request).
 */
final class StreamedMessage {

  private StreamedMessage() {}

  static ArrayNode content(List<SseEvent> events) {
    ArrayNode content = Cases.object("{\"c\":[]}").withArray("c");
    Map<Integer, StringBuilder> partialJson = new HashMap<>();
    for (SseEvent event : events) {
      JsonNode data = Cases.parse(event.data());
      int index = data.path("index").asInt();
      switch (data.path("type").asText()) {
        case "content_block_start" -> content.add(data.get("content_block").deepCopy());
        case "content_block_delta" -> {
          ObjectNode block = (ObjectNode) content.get(index);
          JsonNode delta = data.get("delta");
          switch (delta.path("type").asText()) {
            case "text_delta" -> append(block, "text", delta.path("text").asText());
            case "thinking_delta" -> append(block, "thinking", delta.path("thinking").asText());
            case "signature_delta" -> block.put("signature", delta.path("signature").asText());
            case "input_json_delta" ->
                partialJson
                    .computeIfAbsent(index, i -> new StringBuilder())
                    .append(delta.path("partial_json").asText());
            default -> throw new AssertionError("unexpected delta " + delta);
          }
        }
        case "content_block_stop" -> {
          StringBuilder json = partialJson.remove(index);
          if (json != null) {
            ((ObjectNode) content.get(index)).set("input", Cases.parse(json.toString()));
          }
        }
        default -> {
          // message events carry no content
        }
      }
    }
    return content;
  }

  private static void append(ObjectNode block, String field, String text) {
    block.put(field, block.path(field).asText() + text);
  }
}
