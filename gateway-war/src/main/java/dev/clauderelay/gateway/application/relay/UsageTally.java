package dev.clauderelay.gateway.application.relay;

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

  /** A complete non-stream message, as the upstream sent it. */
  void observeMessage(byte[] json) {
    JsonNode message;
    try {
      message = JSON.readTree(json);
    } catch (IOException | RuntimeException e) {
      return; // not a message (an error body): no usage to count
    }
    observeMessage(message);
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
