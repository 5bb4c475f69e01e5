package dev.clauderelay.plugins.openai;

import java.util.List;
import org.pf4j.Extension;

/** OpenRouter: many vendors' models behind one OpenAI-compatible API, ids as vendor/model. */
@Extension
public class OpenRouterPreset extends OpenAiKindPreset {

  public OpenRouterPreset() {
    super(
        "openrouter",
        "OpenRouter",
        "https://openrouter.ai/api/v1",
        List.of(
            "qwen/qwen3-coder",
            "deepseek/deepseek-chat-v3.1",
            "z-ai/glm-4.6",
            "moonshotai/kimi-k2",
            "openai/gpt-4.1"));
  }
}
