package dev.clauderelay.gateway.application.relay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads token usage and the stop reason from what the client receives: a message's {@code usage}
 * (non-stream), or {@code message_start} and {@code message_delta} events (stream). Only those
 * events are parsed; the many deltas between them are not.
 */
final class UsageTally {

  private static final ObjectMapper JSON = new ObjectMapper();

  long inputTokens;
  long outputTokens;
  long cacheCreationTokens;
  long cacheReadTokens;
  String stopReason;
  boolean messageStopSeen;

  /** The error type of an {@code error} event in the stream, if one was sent. */
  String streamErrorType;

  long totalTokens() {
    return inputTokens + outputTokens + cacheCreationTokens + cacheReadTokens;
  }

  /** One Anthropic stream event by its name and data. */
  void observeEvent(String event, String data) {
    switch (event) {
      case "message_start" -> readUsage(parse(data).path("message").path("usage"));
      case "message_delta" -> {
        JsonNode delta = parse(data);
        readUsage(delta.path("usage"));
        JsonNode reason = delta.path("delta").path("stop_reason");
        if (reason.isTextual()) {
          stopReason = reason.asText();
        }
      }
      case "message_stop" -> messageStopSeen = true;
      case "error" -> streamErrorType = parse(data).path("error").path("type").asText("api_error");
      default -> {
        // deltas and pings carry no usage
      }
    }
  }

  /**
   * A complete non-stream message, as the upstream sent it, read in one streaming pass that is also
   * its check: the usage and stop reason are taken as they go by, the rest is only tokenized.
   *
   * @return whether the bytes are exactly one JSON object with {@code "type":"message"}; when not,
   *     what was read must not be trusted
   */
  boolean observeMessage(byte[] json) {
    try (JsonParser parser = JSON.getFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      boolean message = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "type" ->
              message = value == JsonToken.VALUE_STRING && "message".equals(parser.getText());
          case "stop_reason" -> {
            if (value == JsonToken.VALUE_STRING) {
              stopReason = parser.getText();
            }
          }
          case "usage" -> {
            if (value == JsonToken.START_OBJECT) {
              readUsage(parser);
            } else {
              parser.skipChildren();
            }
          }
          default -> parser.skipChildren();
        }
      }
      return message && parser.nextToken() == null; // nothing after the object
    } catch (IOException e) {
      return false; // not JSON, or cut short
    }
  }

  /**
   * Whether a {@code count_tokens} answer is what Anthropic sends: exactly one JSON object with a
   * numeric {@code input_tokens}.
   */
  static boolean isTokenCount(byte[] json) {
    try (JsonParser parser = JSON.getFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      boolean counted = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("input_tokens".equals(field)) {
          counted = value == JsonToken.VALUE_NUMBER_INT;
        }
        parser.skipChildren();
      }
      return counted && parser.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads a {@code usage} object's counts; the parser is on its opening brace. */
  private void readUsage(JsonParser parser) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value != JsonToken.VALUE_NUMBER_INT) {
        parser.skipChildren();
        continue;
      }
      long count = parser.getLongValue();
      switch (field) {
        case "input_tokens" -> inputTokens = Math.max(inputTokens, count);
        case "output_tokens" -> outputTokens = Math.max(outputTokens, count);
        case "cache_creation_input_tokens" ->
            cacheCreationTokens = Math.max(cacheCreationTokens, count);
        case "cache_read_input_tokens" -> cacheReadTokens = Math.max(cacheReadTokens, count);
        default -> {
          // other counters (server tool uses) are not billed by the relay
        }
      }
    }
  }

  /** A complete non-stream message, as a translator made it. */
  void observeMessage(JsonNode message) {
    readUsage(message.path("usage"));
    if (message.path("stop_reason").isTextual()) {
      stopReason = message.path("stop_reason").asText();
    }
  }

  private void readUsage(JsonNode usage) {
    // Later events repeat or raise the counts; the largest seen is the total.
    inputTokens = Math.max(inputTokens, usage.path("input_tokens").asLong(0));
    outputTokens = Math.max(outputTokens, usage.path("output_tokens").asLong(0));
    cacheCreationTokens =
        Math.max(cacheCreationTokens, usage.path("cache_creation_input_tokens").asLong(0));
    cacheReadTokens = Math.max(cacheReadTokens, usage.path("cache_read_input_tokens").asLong(0));
  }

  private static JsonNode parse(String data) {
    try {
      return JSON.readTree(data);
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }
}
