package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.api.UpstreamRequest;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Translates one Anthropic Messages request into an OpenAI Chat Completions request, in one pass
 * over the client's JSON, reporting every field it drops on purpose. One instance per request.
 *
 * <p>This class writes the request's top level (sampling, limits, stream options) and says what it
 * drops there; the content goes to one class per kind: {@link SystemPrompt}, {@link ChatMessages}
 * (with {@link ToolResults} and {@link UserContent} for images and documents), {@link
 * FunctionTools} and {@link ResponseFormat}.
 */
final class RequestTranslation {

  static final String PATH = "/chat/completions";

  /** OpenAI accepts at most this many stop sequences (DeepSeek more, but not all do). */
  private static final int MAX_STOP_SEQUENCES = 4;

  /** OpenAI refuses a longer {@code user}. */
  private static final int MAX_USER_LENGTH = 64;

  private final ObjectNode request;
  private final TranslationContext context;
  private final String model;
  private final Degradations degradations;

  RequestTranslation(ObjectNode request, TranslationContext context) {
    this.request = request;
    this.context = context;
    this.model = request.path("model").asText(context.upstreamModel());
    this.degradations = new Degradations(context.degradation());
  }

  UpstreamRequest translate() {
    ObjectNode body = Json.object();
    body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    SystemPrompt systemPrompt = new SystemPrompt(degradations);
    systemPrompt.add(request.get("system"), messages);
    ChatMessages conversation = new ChatMessages(model, systemPrompt, degradations);
    conversation.add(request.path("messages"), messages);
    new FunctionTools(degradations)
        .add(request.get("tools"), request.get("tool_choice"), conversation.loadedTools(), body);
    addMaxTokens(request.get("max_tokens"), body);
    copyNumber("temperature", body);
    copyNumber("top_p", body);
    addStop(request.get("stop_sequences"), body);
    addUser(request.get("metadata"), body);
    ResponseFormat.add(request, body, degradations);
    ReasoningOptions.add(request, model, body, degradations);
    if (context.stream()) {
      body.put("stream", true);
      body.putObject("stream_options").put("include_usage", true);
    }
    reportDroppedTopLevelFields();
    return new UpstreamRequest(PATH, Map.of(), body);
  }

  private void addMaxTokens(JsonNode maxTokens, ObjectNode body) {
    if (maxTokens == null || !maxTokens.canConvertToLong()) {
      return;
    }
    long requested = maxTokens.asLong();
    OptionalInt limit = ModelQuirks.maxOutputTokens(model);
    long sent = requested;
    if (limit.isPresent() && requested > limit.getAsInt()) {
      sent = limit.getAsInt();
      degradations.report(
          "max_tokens "
              + requested
              + " was lowered to "
              + sent
              + ", the output limit of "
              + model
              + ", which refuses larger values.");
    }
    body.put(ModelQuirks.maxTokensField(model), sent);
  }

  private void copyNumber(String name, ObjectNode body) {
    JsonNode value = request.get(name);
    if (value != null && value.isNumber()) {
      body.set(name, value);
    }
  }

  private void addStop(JsonNode stopSequences, ObjectNode body) {
    if (stopSequences == null || !stopSequences.isArray() || stopSequences.isEmpty()) {
      return;
    }
    ArrayNode stop = body.putArray("stop");
    for (JsonNode sequence : stopSequences) {
      if (stop.size() == MAX_STOP_SEQUENCES) {
        degradations.report(
            "Stop sequences beyond the first "
                + MAX_STOP_SEQUENCES
                + " were dropped: OpenAI accepts no more.");
        break;
      }
      stop.add(sequence);
    }
  }

  private void addUser(JsonNode metadata, ObjectNode body) {
    if (metadata == null || !metadata.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : metadata.properties()) {
      if (field.getKey().equals("user_id")) {
        JsonNode userId = field.getValue();
        if (!userId.isNull()) {
          body.put("user", endUser(userId.isTextual() ? userId.asText() : Json.write(userId)));
        }
      } else {
        degradations.report(
            "metadata." + field.getKey() + " was dropped: the upstream takes only a user id.");
      }
    }
  }

  /**
   * The end user as OpenAI's {@code user} field takes it (at most {@value #MAX_USER_LENGTH}
   * characters). Claude Code's user id is a JSON string with a device id, an account and its
   * session since late 2026: the account, else the device, names the end user; the session is not a
   * user, and the whole string is longer than OpenAI accepts.
   */
  private static String endUser(String userId) {
    String user = userId;
    if (userId.startsWith("{") && userId.length() <= 2048) {
      try {
        JsonNode parsed = Json.parse(userId);
        String account = parsed.path("account_uuid").asText("");
        user = !account.isEmpty() ? account : parsed.path("device_id").asText(userId);
      } catch (RuntimeException e) {
        // not JSON after all: sent as it is, cut to the limit
      }
    }
    return user.length() <= MAX_USER_LENGTH ? user : user.substring(0, MAX_USER_LENGTH);
  }

  /** One sentence per Anthropic-only top-level field: the relay drops them on purpose. */
  private void reportDroppedTopLevelFields() {
    for (Map.Entry<String, JsonNode> field : request.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      switch (name) {
        case "model",
            "messages",
            "system",
            "tools",
            "tool_choice",
            "max_tokens",
            "temperature",
            "top_p",
            "stop_sequences",
            "metadata",
            "stream",
            "output_format" -> {
          // translated above
        }
        case "thinking" -> {
          // translated by ReasoningOptions
        }
        case "output_config" -> {
          for (Map.Entry<String, JsonNode> option : value.properties()) {
            String key = option.getKey();
            if (!key.equals("format") && !key.equals("effort")) {
              degradations.report(
                  "output_config."
                      + key
                      + " was dropped with its beta: OpenAI-compatible upstreams have no"
                      + " equivalent.");
            }
          }
        }
        case "top_k" ->
            degradations.report("top_k was dropped: OpenAI Chat Completions has no top_k.");
        case "context_management" ->
            degradations.report(
                "context_management was dropped with its beta (context-management): the upstream"
                    + " edits no context server-side.");
        default ->
            degradations.report(
                name + " was dropped: it is not an OpenAI Chat Completions parameter.");
      }
    }
  }
}
