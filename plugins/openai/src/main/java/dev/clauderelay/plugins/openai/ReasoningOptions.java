package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.support.Degradations;
import java.util.Map;

/**
 * Anthropic's {@code thinking} and {@code output_config.effort} (the effort beta) as an
 * OpenAI-compatible upstream's reasoning settings: the effort as {@code reasoning_effort}, thinking
 * on or off as the model family's own switch ({@link ModelQuirks.ThinkingSwitch}), a thinking
 * budget as the nearest effort when no effort is given. Whatever cannot be carried is reported.
 *
 * <p>Providers that refuse {@code reasoning_effort} (DeepSeek with thinking off, OpenAI's
 * non-reasoning models) answer 400; the relay's refusal rules remove the field and retry once, so
 * the translation sends what the client asked for and does not guess per provider here.
 */
final class ReasoningOptions {

  /** Anthropic efforts as {@code reasoning_effort}; the two above high become high. */
  private static final Map<String, String> EFFORTS =
      Map.of("low", "low", "medium", "medium", "high", "high", "xhigh", "high", "max", "high");

  private static final long LOW_BUDGET = 4_096;
  private static final long MEDIUM_BUDGET = 16_384;

  private ReasoningOptions() {}

  static void add(JsonNode request, String model, ObjectNode body, Degradations degradations) {
    JsonNode thinking = request.get("thinking");
    String type =
        thinking != null && thinking.isObject() ? thinking.path("type").asText("unknown") : null;
    JsonNode effortNode = request.path("output_config").get("effort");
    String effort = effortNode != null && effortNode.isTextual() ? effortNode.asText() : null;
    ModelQuirks.ThinkingSwitch thinkingSwitch = ModelQuirks.thinkingSwitch(model);

    if (type != null) {
      switch (type) {
        case "enabled", "adaptive" -> switchThinking(thinkingSwitch, true, body);
        case "disabled" -> switchThinking(thinkingSwitch, false, body);
        default ->
            degradations.report(
                "thinking (" + type + ") was not sent: the relay knows no such thinking type.");
      }
    }
    if (effort != null) {
      String reasoningEffort = EFFORTS.get(effort);
      if (reasoningEffort == null) {
        degradations.report(
            "output_config.effort \""
                + effort
                + "\" was dropped with its beta (effort): it has no"
                + " reasoning_effort equivalent.");
      } else {
        body.put("reasoning_effort", reasoningEffort);
        if (!reasoningEffort.equals(effort)) {
          degradations.report(
              "output_config.effort \""
                  + effort
                  + "\" was sent as reasoning_effort \""
                  + reasoningEffort
                  + "\", the highest OpenAI-compatible upstreams take.");
        }
      }
    } else if ("enabled".equals(type) && thinking.path("budget_tokens").canConvertToLong()) {
      long budget = thinking.path("budget_tokens").asLong();
      String sized = budget <= LOW_BUDGET ? "low" : budget <= MEDIUM_BUDGET ? "medium" : "high";
      body.put("reasoning_effort", sized);
      degradations.report(
          "thinking.budget_tokens "
              + budget
              + " was sent as reasoning_effort \""
              + sized
              + "\": OpenAI-compatible upstreams size reasoning by effort, not tokens.");
    } else if (("adaptive".equals(type) || "enabled".equals(type))
        && thinkingSwitch == ModelQuirks.ThinkingSwitch.NONE) {
      degradations.report(
          "thinking ("
              + type
              + ") has no switch on this upstream: its model decides whether to reason; its"
              + " reasoning_content still returns as thinking.");
    }
  }

  private static void switchThinking(
      ModelQuirks.ThinkingSwitch thinkingSwitch, boolean on, ObjectNode body) {
    switch (thinkingSwitch) {
      case THINKING_OBJECT -> body.putObject("thinking").put("type", on ? "enabled" : "disabled");
      case ENABLE_THINKING -> body.put("enable_thinking", on);
      case NONE -> {
        // OpenAI's own models reason by model; reasoning_effort sizes it
      }
    }
  }
}
