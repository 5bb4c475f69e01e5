package dev.clauderelay.plugins.responses;

import dev.clauderelay.plugin.api.ProviderPreset;
import java.util.List;
import org.pf4j.Extension;

/** OpenAI itself through the Responses API: GPT-5-class and Codex models, reasoning carried. */
@Extension
public class OpenAiResponsesPreset implements ProviderPreset {

  @Override
  public String id() {
    return "openai-responses";
  }

  @Override
  public String description() {
    return "OpenAI (Responses API, https://api.openai.com/v1)";
  }

  @Override
  public String displayName() {
    return "OpenAI (Responses API)";
  }

  @Override
  public String kind() {
    return "openai-responses";
  }

  @Override
  public String baseUrl() {
    return "https://api.openai.com/v1";
  }

  @Override
  public String transformerId() {
    return "openai-responses";
  }

  @Override
  public List<String> models() {
    return List.of("gpt-5.1", "gpt-5.1-codex", "gpt-5", "gpt-5-mini");
  }
}
