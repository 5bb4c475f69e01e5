package dev.clauderelay.plugins.openai;

import java.util.List;
import org.pf4j.Extension;

/**
 * Any OpenAI-compatible endpoint (OpenAI itself, vLLM, SGLang, LM Studio, Ollama's /v1): a starting
 * point whose base URL and models the admin edits.
 */
@Extension
public class OpenAiCompatiblePreset extends OpenAiKindPreset {

  public OpenAiCompatiblePreset() {
    super(
        "openai-compatible",
        "OpenAI-compatible",
        "https://api.openai.com/v1",
        List.of("gpt-4.1", "gpt-4.1-mini", "gpt-4o"));
  }
}
