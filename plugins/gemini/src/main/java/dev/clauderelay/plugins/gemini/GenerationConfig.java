package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;
import java.util.Map;

/**
 * Gemini's {@code generationConfig} from the request's settings: the output limit, sampling, stop
 * sequences, thinking, and structured output.
 */
final class GenerationConfig {

  /**
   * The output limit of every current Gemini model (2.5 Pro and Flash, 3 Pro). Gemini rejects a
   * larger maxOutputTokens, and Claude Code always asks for 128000.
   */
  private static final int MAX_OUTPUT_TOKENS = 65_536;

  /** Gemini takes at most five stop sequences. */
  private static final int MAX_STOP_SEQUENCES = 5;

  private final JsonNode request;
  private final Degradations degradations;

  GenerationConfig(JsonNode request, Degradations degradations) {
    this.request = request;
    this.degradations = degradations;
  }

  /** The settings; an empty object when the request sets none. */
  ObjectNode build() {
    ObjectNode config = Json.object();
    JsonNode maxTokens = request.get("max_tokens");
    if (maxTokens != null && maxTokens.canConvertToLong()) {
      long requested = maxTokens.asLong();
      if (requested > MAX_OUTPUT_TOKENS) {
        degradations.report(
            "max_tokens was lowered to " + MAX_OUTPUT_TOKENS + ", Gemini's output limit.");
      }
      config.put("maxOutputTokens", Math.min(requested, MAX_OUTPUT_TOKENS));
    }
    copyNumber("temperature", "temperature", config);
    copyNumber("top_p", "topP", config);
    copyNumber("top_k", "topK", config);
    stopSequences(config);
    thinkingConfig(config);
    outputConfig(config);
    return config;
  }

  private void copyNumber(String from, String to, ObjectNode config) {
    JsonNode value = request.get(from);
    if (value != null && value.isNumber()) {
      config.set(to, value);
    }
  }

  private void stopSequences(ObjectNode config) {
    JsonNode sequences = request.get("stop_sequences");
    if (sequences == null || !sequences.isArray() || sequences.isEmpty()) {
      return;
    }
    ArrayNode kept = config.putArray("stopSequences");
    for (JsonNode sequence : sequences) {
      if (kept.size() == MAX_STOP_SEQUENCES) {
        degradations.report("Stop sequences beyond Gemini's five were dropped.");
        break;
      }
      kept.add(sequence);
    }
  }

  /**
   * Anthropic's thinking settings and {@code output_config.effort} as Gemini's thinkingConfig:
   * {@code enabled} gives its budget; {@code adaptive} lets Gemini pick the budget per request (-1,
   * dynamic thinking) unless an effort sizes it; an effort alone sizes it too. Thought summaries
   * are asked for unless the client asked for thinking to be omitted or did not turn it on. {@code
   * disabled} sends nothing: Gemini then returns no thoughts (its Pro and 3 models cannot stop
   * thinking), and an effort with it is dropped and said so.
   */
  private void thinkingConfig(ObjectNode config) {
    JsonNode thinking = request.get("thinking");
    String type = thinking != null && thinking.isObject() ? thinking.path("type").asText() : "";
    String effort = effort();
    ObjectNode thinkingConfig = Json.object();
    switch (type) {
      case "enabled" -> {
        thinkingConfig.put("thinkingBudget", thinking.path("budget_tokens").asLong());
        if (effort != null) {
          degradations.report(
              "output_config.effort was not sent: thinking.budget_tokens sets Gemini's budget.");
        }
      }
      case "adaptive" -> {
        if (effort == null || !sizeByEffort(effort, thinkingConfig)) {
          thinkingConfig.put("thinkingBudget", -1);
        }
      }
      case "disabled" -> {
        if (effort != null) {
          degradations.report(
              "output_config.effort was dropped with its beta (effort): thinking is off and Gemini"
                  + " has no other effort setting.");
        }
        return;
      }
      default -> {
        if (effort == null || !sizeByEffort(effort, thinkingConfig)) {
          return;
        }
      }
    }
    boolean includeThoughts =
        !type.isEmpty() && !"omitted".equals(thinking.path("display").asText());
    thinkingConfig.put("includeThoughts", includeThoughts);
    config.set("thinkingConfig", thinkingConfig);
  }

  /** {@code output_config.effort}, or {@code null}. */
  private String effort() {
    JsonNode effort = request.path("output_config").get("effort");
    return effort != null && effort.isTextual() ? effort.asText() : null;
  }

  /**
   * Sizes Gemini's thinking by an Anthropic effort: a thinking level on Gemini 3, a budget on the
   * 2.5 models. Returns {@code false} (and reports it) for an effort it does not know.
   */
  private boolean sizeByEffort(String effort, ObjectNode thinkingConfig) {
    Integer budget = EFFORT_BUDGETS.get(effort);
    if (budget == null) {
      degradations.report(
          "output_config.effort \"" + effort + "\" was dropped: it has no Gemini thinking size.");
      return false;
    }
    String model = request.path("model").asText();
    if (model.substring(model.lastIndexOf('/') + 1).startsWith("gemini-3")) {
      thinkingConfig.put("thinkingLevel", effort.equals("low") ? "low" : "high");
    } else {
      thinkingConfig.put("thinkingBudget", budget);
    }
    return true;
  }

  /** Gemini 2.5 thinking budgets for Anthropic's efforts; -1 lets the model take what it needs. */
  private static final Map<String, Integer> EFFORT_BUDGETS =
      Map.of("low", 1_024, "medium", 8_192, "high", 24_576, "xhigh", -1, "max", -1);

  private void outputConfig(ObjectNode config) {
    JsonNode outputConfig = request.get("output_config");
    if (outputConfig == null || !outputConfig.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : outputConfig.properties()) {
      switch (field.getKey()) {
        case "effort" -> {
          // sizes thinkingConfig, above
        }
        case "format" -> responseFormat(field.getValue(), config);
        default ->
            degradations.report(
                "output_config."
                    + field.getKey()
                    + " was dropped with its beta: Gemini has no equivalent.");
      }
    }
  }

  /** A JSON schema output format as Gemini's JSON mode with a response schema. */
  private void responseFormat(JsonNode format, ObjectNode config) {
    String type = format.path("type").asText();
    JsonNode schema = format.get("schema");
    if (!"json_schema".equals(type) || schema == null || !schema.isObject()) {
      degradations.report("output_config.format of type " + type + " was dropped.");
      return;
    }
    GeminiSchema converted = GeminiSchema.of(schema, true);
    config.put("responseMimeType", "application/json");
    config.set("responseSchema", converted.convert());
    if (!converted.lostKeywords().isEmpty()) {
      degradations.report(
          "The output schema lost keywords Gemini does not take: "
              + String.join(", ", converted.lostKeywords())
              + ".");
    }
  }
}
