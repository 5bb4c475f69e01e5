package dev.clauderelay.plugins.openai;

import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What the transformer knows of well-known upstream models' request rules, as tables keyed by the
 * upstream model name: the transformer is not told which provider it serves, so the model name is
 * its one handle on a provider's rules. Per-provider options passed in the translation context
 * would be the better handle.
 */
final class ModelQuirks {

  /**
   * Output token limits the providers document; a larger {@code max_tokens} is answered with 400,
   * and Claude Code always asks for 128,000.
   */
  private static final Map<String, Integer> MAX_OUTPUT_TOKENS =
      Map.of(
          "deepseek-chat", 8_192,
          "deepseek-reasoner", 65_536,
          "gpt-4o", 16_384,
          "gpt-4o-mini", 16_384,
          "gpt-4.1", 32_768,
          "gpt-4.1-mini", 32_768,
          "gpt-4.1-nano", 32_768,
          "o3", 100_000,
          "o4-mini", 100_000);

  /**
   * OpenAI's reasoning models refuse {@code max_tokens} and take only {@code
   * max_completion_tokens}; every other OpenAI-compatible provider documents {@code max_tokens}.
   */
  private static final Pattern MAX_COMPLETION_TOKENS_MODELS =
      Pattern.compile("(o[1-9]|gpt-5)([-.].*)?");

  /**
   * DeepSeek's own API, in thinking mode (its default), answers 400 when an assistant turn with
   * tool calls lacks {@code reasoning_content}, even an empty one. Other providers (Cerebras,
   * Bedrock behind proxies) reject the field, so it is added empty only for these models.
   */
  private static final Pattern REASONING_ON_TOOL_CALL_TURNS_MODELS = Pattern.compile("deepseek-.*");

  /** How a model family is told to think or not, beyond OpenAI's {@code reasoning_effort}. */
  enum ThinkingSwitch {
    /** None: OpenAI's reasoning models reason by model, sized by {@code reasoning_effort}. */
    NONE,
    /** DeepSeek and Zhipu GLM: {@code "thinking": {"type": "enabled" | "disabled"}}. */
    THINKING_OBJECT,
    /** Qwen (DashScope, ModelScope): {@code "enable_thinking": true | false}. */
    ENABLE_THINKING
  }

  private static final Pattern THINKING_OBJECT_MODELS =
      Pattern.compile("(deepseek-|glm-).*", Pattern.CASE_INSENSITIVE);

  private static final Pattern ENABLE_THINKING_MODELS =
      Pattern.compile("(qwen|qwq)[-.0-9a-z]*.*", Pattern.CASE_INSENSITIVE);

  private ModelQuirks() {}

  static ThinkingSwitch thinkingSwitch(String model) {
    String bare = model.substring(model.lastIndexOf('/') + 1);
    if (THINKING_OBJECT_MODELS.matcher(bare).matches()) {
      return ThinkingSwitch.THINKING_OBJECT;
    }
    if (ENABLE_THINKING_MODELS.matcher(bare).matches()) {
      return ThinkingSwitch.ENABLE_THINKING;
    }
    return ThinkingSwitch.NONE;
  }

  static OptionalInt maxOutputTokens(String model) {
    Integer limit = MAX_OUTPUT_TOKENS.get(model);
    return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  /** The request field that carries the output limit for {@code model}. */
  static String maxTokensField(String model) {
    return MAX_COMPLETION_TOKENS_MODELS.matcher(model).matches()
        ? "max_completion_tokens"
        : "max_tokens";
  }

  /** Whether assistant turns with tool calls must carry {@code reasoning_content}, even empty. */
  static boolean needsReasoningOnToolCallTurns(String model) {
    return REASONING_ON_TOOL_CALL_TURNS_MODELS.matcher(model).matches();
  }
}
