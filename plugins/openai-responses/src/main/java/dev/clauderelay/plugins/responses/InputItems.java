package dev.clauderelay.plugins.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Anthropic {@code messages} as Responses API {@code input} items, in the order the upstream needs
 * them: a user turn's tool results first (as {@code function_call_output}, right after the calls
 * they answer), then its text, images and documents as one user {@code message}; an assistant
 * turn's thinking as {@code reasoning} items, its text as an assistant {@code message} and its tool
 * uses as {@code function_call} items, each kept in its place so a reasoning item is followed by
 * the item it led to, as the upstream requires.
 *
 * <p>Thinking blocks are sent back only when their signature carries this upstream's encrypted
 * reasoning ({@link ReasoningSignatures}); others (from Anthropic, or without encrypted content)
 * are dropped on purpose and reported: the upstream would reject them or read them as plain text.
 */
final class InputItems {

  private final Degradations degradations;
  private final Set<String> loadedTools = new HashSet<>();

  InputItems(Degradations degradations) {
    this.degradations = degradations;
  }

  /** The deferred tools that {@code tool_reference} blocks in tool results have loaded. */
  Set<String> loadedTools() {
    return loadedTools;
  }

  void add(JsonNode messages, ArrayNode input) {
    for (JsonNode message : messages) {
      String role = Json.text(message, "role");
      JsonNode content = message.get("content");
      if ("assistant".equals(role)) {
        addAssistant(content, input);
      } else {
        addUser(content, input);
      }
    }
  }

  private void addUser(JsonNode content, ArrayNode input) {
    if (content == null || content.isTextual()) {
      if (content != null) {
        userMessage(input).add(inputText(content.asText()));
      }
      return;
    }
    ArrayNode parts = null;
    for (JsonNode block : content) {
      CacheControl.reportIfMarked(block, degradations);
      switch (block.path("type").asText()) {
        case "tool_result" -> input.add(functionCallOutput(block));
        case "text" -> {
          if (parts == null) {
            parts = userMessage(input);
          }
          parts.add(inputText(block.path("text").asText()));
        }
        case "image" -> {
          ObjectNode image = image(block.path("source"));
          if (image != null) {
            if (parts == null) {
              parts = userMessage(input);
            }
            parts.add(image);
          }
        }
        case "document" -> {
          ObjectNode document = document(block.path("source"));
          if (document != null) {
            if (parts == null) {
              parts = userMessage(input);
            }
            parts.add(document);
          }
        }
        default -> reportDropped(block);
      }
    }
  }

  private void addAssistant(JsonNode content, ArrayNode input) {
    if (content == null || content.isTextual()) {
      if (content != null && !content.asText().isEmpty()) {
        assistantMessage(input).add(outputText(content.asText()));
      }
      return;
    }
    ArrayNode text = null;
    for (JsonNode block : content) {
      CacheControl.reportIfMarked(block, degradations);
      switch (block.path("type").asText()) {
        case "text" -> {
          String value = block.path("text").asText();
          if (!value.isEmpty()) {
            if (text == null) {
              text = assistantMessage(input);
            }
            text.add(outputText(value));
          }
        }
        case "thinking" -> {
          text = null;
          reasoning(block, input);
        }
        case "redacted_thinking" ->
            degradations.report(
                "Redacted thinking blocks were dropped: only this upstream's own reasoning can be"
                    + " sent back to it.");
        case "tool_use" -> {
          text = null;
          ObjectNode call = input.addObject();
          call.put("type", "function_call");
          call.put("call_id", block.path("id").asText());
          call.put("name", block.path("name").asText());
          JsonNode arguments = block.get("input");
          call.put(
              "arguments", arguments == null || arguments.isNull() ? "{}" : Json.write(arguments));
        }
        default -> reportDropped(block);
      }
    }
  }

  private void reasoning(JsonNode block, ArrayNode input) {
    ReasoningSignatures.Reasoning carried =
        ReasoningSignatures.decode(Json.text(block, "signature"));
    if (carried == null) {
      degradations.report(
          "Thinking blocks without this upstream's encrypted reasoning were dropped: the upstream"
              + " can only continue from its own reasoning.");
      return;
    }
    ObjectNode item = input.addObject();
    item.put("type", "reasoning");
    item.put("id", carried.id());
    ArrayNode summary = item.putArray("summary");
    String thinking = block.path("thinking").asText();
    if (!thinking.isEmpty()) {
      summary.addObject().put("type", "summary_text").put("text", thinking);
    }
    item.put("encrypted_content", carried.encryptedContent());
  }

  private ObjectNode functionCallOutput(JsonNode block) {
    ObjectNode item = Json.object();
    item.put("type", "function_call_output");
    item.put("call_id", block.path("tool_use_id").asText());
    boolean error = block.path("is_error").asBoolean(false);
    JsonNode content = block.get("content");
    if (content == null || content.isNull()) {
      item.put("output", error ? "Error" : "");
      return item;
    }
    if (content.isTextual()) {
      item.put("output", error ? "Error: " + content.asText() : content.asText());
      return item;
    }
    List<String> texts = new ArrayList<>();
    ArrayNode parts = Json.array();
    boolean onlyText = true;
    for (JsonNode part : content) {
      switch (part.path("type").asText()) {
        case "text" -> {
          texts.add(part.path("text").asText());
          parts.add(inputText(part.path("text").asText()));
        }
        case "tool_reference" -> {
          String toolName = part.path("tool_name").asText();
          loadedTools.add(toolName);
          texts.add("Tool " + toolName + " loaded.");
          parts.add(inputText("Tool " + toolName + " loaded."));
        }
        case "image" -> {
          ObjectNode image = image(part.path("source"));
          if (image != null) {
            onlyText = false;
            parts.add(image);
          }
        }
        default -> reportDropped(part);
      }
    }
    if (onlyText) {
      item.put("output", (error ? "Error: " : "") + String.join("\n", texts));
    } else {
      if (error) {
        parts.insert(0, inputText("Error"));
      }
      item.set("output", parts);
    }
    return item;
  }

  /** A base64 or URL image as an {@code input_image}; other sources are dropped. */
  private ObjectNode image(JsonNode source) {
    String url =
        switch (source.path("type").asText()) {
          case "base64" ->
              "data:"
                  + source.path("media_type").asText()
                  + ";base64,"
                  + source.path("data").asText();
          case "url" -> source.path("url").asText();
          default -> null;
        };
    if (url == null) {
      degradations.report(
          "An image with a "
              + source.path("type").asText()
              + " source was dropped: the upstream takes base64 or URL images only.");
      return null;
    }
    ObjectNode part = Json.object();
    part.put("type", "input_image");
    part.put("image_url", url);
    part.put("detail", "auto");
    return part;
  }

  /** PDFs as {@code input_file}, plain text as {@code input_text}; other sources are dropped. */
  private ObjectNode document(JsonNode source) {
    String type = source.path("type").asText();
    String mediaType = source.path("media_type").asText();
    if (type.equals("text")) {
      return inputText(source.path("data").asText());
    }
    if (type.equals("base64") && mediaType.equals("application/pdf")) {
      ObjectNode file = Json.object();
      file.put("type", "input_file");
      file.put("filename", "document.pdf");
      file.put("file_data", "data:application/pdf;base64," + source.path("data").asText());
      return file;
    }
    if (type.equals("url")) {
      ObjectNode file = Json.object();
      file.put("type", "input_file");
      file.put("file_url", source.path("url").asText());
      return file;
    }
    degradations.report(
        "A document with a "
            + type
            + " source was dropped: the upstream takes PDFs, URLs and plain text only.");
    return null;
  }

  private void reportDropped(JsonNode block) {
    degradations.report(
        "A "
            + block.path("type").asText("untyped")
            + " block was dropped: the Responses API has no equivalent.");
  }

  private static ArrayNode userMessage(ArrayNode input) {
    ObjectNode message = input.addObject();
    message.put("type", "message");
    message.put("role", "user");
    return message.putArray("content");
  }

  private static ArrayNode assistantMessage(ArrayNode input) {
    ObjectNode message = input.addObject();
    message.put("type", "message");
    message.put("role", "assistant");
    return message.putArray("content");
  }

  private static ObjectNode inputText(String text) {
    ObjectNode part = Json.object();
    part.put("type", "input_text");
    part.put("text", text);
    return part;
  }

  private static ObjectNode outputText(String text) {
    ObjectNode part = Json.object();
    part.put("type", "output_text");
    part.put("text", text);
    return part;
  }
}
