package dev.clauderelay.plugins.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.api.UpstreamRequest;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;
import java.util.Locale;
import java.util.Map;

/**
 * Translates one Anthropic Messages request into an OpenAI Responses API request, in one pass over
 * the client's JSON, reporting every field it drops on purpose. One instance per request.
 *
 * <p>This class writes the top level: {@code instructions} from the system prompt, limits,
 * sampling, reasoning, the prompt cache key and structured output; the conversation goes to {@link
 * InputItems} and the tools to {@link FunctionTools}. The request is always {@code store:false}:
 * the relay keeps no conversation upstream, and asks for encrypted reasoning instead so the next
 * turn can carry it back ({@link ReasoningSignatures}).
 */
final class RequestTranslation {

  static final String PATH = "/responses";

  /** The Responses API refuses {@code max_output_tokens} below this. */
  static final int MIN_OUTPUT_TOKENS = 16;

  /** Claude Code's first system block: Anthropic billing metadata with a per-request hash. */
  private static final String BILLING_HEADER_PREFIX = "x-anthropic-billing-header:";

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
    String instructions = instructions(request.get("system"));
    if (instructions != null) {
      body.put("instructions", instructions);
    }
    ArrayNode input = body.putArray("input");
    InputItems conversation = new InputItems(degradations);
    conversation.add(request.path("messages"), input);
    new FunctionTools(degradations)
        .add(request.get("tools"), request.get("tool_choice"), conversation.loadedTools(), body);
    addMaxOutputTokens(request.get("max_tokens"), body);
    String effort = effort();
    if (effort != null) {
      body.putObject("reasoning").put("effort", effort).put("summary", "auto");
      body.putArray("include").add("reasoning.encrypted_content");
    }
    copySampling(effort != null, body);
    String cacheKey = PromptCacheKey.of(context.clientSessionId(), request.get("metadata"));
    if (cacheKey != null) {
      body.put("prompt_cache_key", cacheKey);
    }
    addTextFormat(body);
    body.put("store", false);
    if (context.stream()) {
      body.put("stream", true);
    }
    reportDroppedTopLevelFields();
    return new UpstreamRequest(PATH, Map.of(), body);
  }

  /** The request for {@code /responses/input_tokens}: the same input, nothing about the output. */
  UpstreamRequest countTokens() {
    ObjectNode body = (ObjectNode) translate().body();
    for (String field :
        new String[] {
          "max_output_tokens",
          "stream",
          "store",
          "include",
          "prompt_cache_key",
          "temperature",
          "top_p"
        }) {
      body.remove(field);
    }
    return new UpstreamRequest(PATH + "/input_tokens", Map.of(), body);
  }

  private String instructions(JsonNode system) {
    if (system == null || system.isNull()) {
      return null;
    }
    if (system.isTextual()) {
      return system.asText().isEmpty() ? null : system.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode block : system) {
      CacheControl.reportIfMarked(block, degradations);
      String value = Json.text(block, "text");
      if (Json.isEmpty(value)) {
        continue;
      }
      if (value.startsWith(BILLING_HEADER_PREFIX)) {
        degradations.report(
            "The x-anthropic-billing-header system block was dropped: it is Anthropic billing"
                + " metadata whose per-request hash would defeat the upstream's prefix cache.");
        continue;
      }
      if (!text.isEmpty()) {
        text.append("\n\n");
      }
      text.append(value);
    }
    return text.isEmpty() ? null : text.toString();
  }

  private void addMaxOutputTokens(JsonNode maxTokens, ObjectNode body) {
    if (maxTokens == null || !maxTokens.canConvertToLong()) {
      return;
    }
    long requested = maxTokens.asLong();
    if (requested < MIN_OUTPUT_TOKENS) {
      degradations.report(
          "max_tokens "
              + requested
              + " was raised to "
              + MIN_OUTPUT_TOKENS
              + ", the smallest max_output_tokens the Responses API accepts.");
      requested = MIN_OUTPUT_TOKENS;
    }
    body.put("max_output_tokens", requested);
  }

  /**
   * The reasoning effort the client asked for: {@code output_config.effort} when given, else from
   * the thinking budget (under 4,096 tokens low, under 16,384 medium, else high); {@code null} when
   * the client asked for no thinking, so the upstream model's own default applies.
   */
  private String effort() {
    String configured = Json.text(request.get("output_config"), "effort");
    if (configured != null) {
      return switch (configured.toLowerCase(Locale.ROOT)) {
        case "low", "minimal" -> "low";
        case "medium" -> "medium";
        default -> "high";
      };
    }
    JsonNode thinking = request.get("thinking");
    String type = Json.text(thinking, "type");
    if ("enabled".equals(type)) {
      long budget = thinking.path("budget_tokens").asLong(0);
      return budget < 4096 ? "low" : budget < 16384 ? "medium" : "high";
    }
    return "adaptive".equals(type) ? "medium" : null;
  }

  /**
   * Temperature and top_p, except to reasoning models (and requests asking for reasoning), which
   * refuse them with a 400.
   */
  private void copySampling(boolean reasoningRequested, ObjectNode body) {
    boolean refuses = reasoningRequested || reasoningModel();
    for (String name : new String[] {"temperature", "top_p"}) {
      JsonNode value = request.get(name);
      if (value == null || !value.isNumber()) {
        continue;
      }
      if (refuses) {
        degradations.report(
            name + " was dropped: OpenAI reasoning models accept no sampling parameters.");
      } else {
        body.set(name, value);
      }
    }
  }

  private boolean reasoningModel() {
    String name = model.toLowerCase(Locale.ROOT);
    int slash = name.lastIndexOf('/');
    name = slash >= 0 ? name.substring(slash + 1) : name;
    return name.startsWith("gpt-5")
        || name.startsWith("o1")
        || name.startsWith("o3")
        || name.startsWith("o4")
        || name.startsWith("codex")
        || name.startsWith("gpt-oss");
  }

  /** Structured output: {@code output_config.format} (or the older {@code output_format}). */
  private void addTextFormat(ObjectNode body) {
    JsonNode format = request.path("output_config").get("format");
    if (format == null) {
      format = request.get("output_format");
    }
    if (format == null || format.isNull()) {
      return;
    }
    String type = format.path("type").asText();
    JsonNode schema = format.get("schema");
    if (!type.equals("json_schema") || schema == null || !schema.isObject()) {
      degradations.report(
          "The output format \"" + type + "\" was dropped: only json_schema has an equivalent.");
      return;
    }
    ObjectNode text = body.putObject("text").putObject("format");
    text.put("type", "json_schema");
    text.put("name", "response");
    text.set("schema", schema);
    text.put("strict", false);
  }

  /** One sentence per field without a Responses API equivalent: the relay drops them on purpose. */
  private void reportDroppedTopLevelFields() {
    for (Map.Entry<String, JsonNode> field : request.properties()) {
      String name = field.getKey();
      switch (name) {
        case "model",
            "messages",
            "system",
            "tools",
            "tool_choice",
            "max_tokens",
            "temperature",
            "top_p",
            "metadata",
            "stream",
            "thinking",
            "output_format" -> {
          // translated above
        }
        case "output_config" -> {
          for (Map.Entry<String, JsonNode> option : field.getValue().properties()) {
            if (!option.getKey().equals("format") && !option.getKey().equals("effort")) {
              degradations.report(
                  "output_config." + option.getKey() + " was dropped: the Responses API has none.");
            }
          }
        }
        case "stop_sequences" -> {
          if (field.getValue().isArray() && !field.getValue().isEmpty()) {
            degradations.report(
                "stop_sequences were dropped: the Responses API has no stop sequences.");
          }
        }
        case "top_k" -> degradations.report("top_k was dropped: the Responses API has no top_k.");
        case "context_management" ->
            degradations.report(
                "context_management was dropped with its beta (context-management): the upstream"
                    + " edits no context server-side.");
        default -> degradations.report(name + " was dropped: it is not a Responses API parameter.");
      }
    }
  }
}
