package com.example.relay.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorClass;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.StreamTranslator;
import dev.clauderelay.plugin.api.Transformer;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.api.UpstreamAnswer;
import dev.clauderelay.plugin.api.UpstreamRequest;
import dev.clauderelay.plugin.support.AnthropicMessages;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;
import dev.clauderelay.plugin.support.Usage;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Anthropic Messages to Acme Chat's {@code POST /generate} and back. Acme speaks text only: its
 * request is {@code {model, instructions, turns: [{speaker, text}], max_tokens, temperature, stop,
 * stream}}, its answer {@code {id, model, text, finish, tokens: {prompt, completion}}}.
 *
 * <p>Pure, as every transformer: JSON in, JSON out; no I/O, no key, no clock. One instance serves
 * all requests at once, so it holds no state; a stream's state lives in the {@link
 * AcmeToAnthropicStreamTranslator} it makes. What Acme cannot express (images, tools, thinking) is
 * dropped and reported through {@link TranslationContext#degradation()}, which the relay declares
 * to the client in {@code x-relay-degraded}.
 */
@Extension
public class AcmeChatTransformer implements Transformer {

  /** The id a provider's {@code transformer} setting names. Never change it between versions. */
  public static final String ID = "acme-chat";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Anthropic Messages to Acme Chat /generate";
  }

  @Override
  public String upstreamKind() {
    return "acme";
  }

  @Override
  public UpstreamRequest toUpstream(ObjectNode clientRequest, TranslationContext context) {
    Degradations degradations = new Degradations(context.degradation());
    ObjectNode body = Json.object();
    body.put("model", context.upstreamModel());
    String instructions = text(clientRequest.get("system"), "system", degradations);
    if (!instructions.isEmpty()) {
      body.put("instructions", instructions);
    }
    ArrayNode turns = body.putArray("turns");
    for (JsonNode message : clientRequest.path("messages")) {
      String text = text(message.get("content"), "message", degradations);
      if (text.isEmpty()) {
        continue;
      }
      turns
          .addObject()
          .put("speaker", "assistant".equals(message.path("role").asText()) ? "assistant" : "user")
          .put("text", text);
    }
    if (turns.isEmpty()) {
      throw new GatewayError(
          ErrorType.INVALID_REQUEST, "Acme Chat needs at least one message with text.");
    }
    if (clientRequest.has("max_tokens")) {
      body.put("max_tokens", clientRequest.get("max_tokens").asLong());
    }
    if (clientRequest.has("temperature")) {
      body.set("temperature", clientRequest.get("temperature"));
    }
    if (clientRequest.path("stop_sequences").isArray()) {
      body.set("stop", clientRequest.get("stop_sequences"));
    }
    if (clientRequest.path("tools").size() > 0) {
      degradations.report("tools dropped: Acme Chat has no tool calling");
    }
    if (clientRequest.has("thinking")) {
      degradations.report("thinking dropped: Acme Chat does not think aloud");
    }
    body.put("stream", context.stream());
    return new UpstreamRequest("/generate", Map.of(), body);
  }

  @Override
  public ObjectNode toClient(JsonNode upstreamResponse, TranslationContext context) {
    String text = Json.text(upstreamResponse, "text");
    if (text == null) {
      throw new GatewayError(ErrorType.API, "Acme Chat answered without text.");
    }
    ArrayNode content = Json.array();
    content.add(AnthropicMessages.textBlock(text));
    return AnthropicMessages.message(
        context.messageId(),
        context.requestedModel(),
        content,
        stopReason(Json.text(upstreamResponse, "finish")),
        Json.text(upstreamResponse, "stop_word"),
        usage(upstreamResponse.path("tokens")));
  }

  @Override
  public StreamTranslator newStreamTranslator(TranslationContext context) {
    return new AcmeToAnthropicStreamTranslator(context);
  }

  @Override
  public ErrorClassification classifyError(UpstreamAnswer answer) {
    JsonNode body = Json.parseOrNull(answer.body());
    String message =
        body == null
            ? "Acme Chat answered " + answer.status()
            : "Acme Chat: " + body.path("error").path("message").asText("status " + answer.status());
    long retryAt = retryAt(answer);
    return switch (answer.status()) {
      case 401, 403 ->
          new ErrorClassification(ErrorClass.KEY_INVALID, 0, ErrorType.AUTHENTICATION, message);
      case 402 ->
          new ErrorClassification(ErrorClass.QUOTA_EXHAUSTED, 0, ErrorType.BILLING, message);
      case 429 ->
          new ErrorClassification(ErrorClass.RATE_LIMITED, retryAt, ErrorType.RATE_LIMIT, message);
      case 503, 529 ->
          new ErrorClassification(ErrorClass.OVERLOADED, retryAt, ErrorType.OVERLOADED, message);
      default ->
          answer.status() >= 500
              ? new ErrorClassification(ErrorClass.UPSTREAM_ERROR, 0, ErrorType.API, message)
              : new ErrorClassification(
                  ErrorClass.CLIENT_ERROR, 0, ErrorType.INVALID_REQUEST, message);
    };
  }

  /** Acme's finish reasons in Anthropic's words. */
  static String stopReason(String finish) {
    if (finish == null) {
      return "end_turn";
    }
    return switch (finish) {
      case "max_tokens" -> "max_tokens";
      case "stop_word" -> "stop_sequence";
      default -> "end_turn";
    };
  }

  static Usage usage(JsonNode tokens) {
    return new Usage(tokens.path("prompt").asLong(0), tokens.path("completion").asLong(0), 0);
  }

  /** A string, or the text of text blocks; other blocks are dropped and reported. */
  private static String text(JsonNode content, String where, Degradations degradations) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode block : content) {
      String type = block.path("type").asText();
      if ("text".equals(type)) {
        if (text.length() > 0) {
          text.append("\n\n");
        }
        text.append(block.path("text").asText());
      } else {
        degradations.report(type + " block in a " + where + " dropped: Acme Chat takes text only");
      }
    }
    return text.toString();
  }

  /** The {@code retry-after} header (seconds) as an instant, or 0 for the relay's default. */
  private static long retryAt(UpstreamAnswer answer) {
    String retryAfter = answer.header("retry-after");
    if (retryAfter == null) {
      return 0;
    }
    try {
      return answer.receivedEpochMillis() + Long.parseLong(retryAfter.strip()) * 1000;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
