package dev.clauderelay.plugins.gemini;

import dev.clauderelay.plugin.api.ProviderPreset;
import java.util.List;
import org.pf4j.Extension;

/** Offers Google AI Studio's Gemini API as a provider template in the console. */
@Extension
public class GoogleGeminiPreset implements ProviderPreset {

  @Override
  public String id() {
    return "google-gemini";
  }

  @Override
  public String description() {
    return "Google AI Studio Gemini API (generativelanguage.googleapis.com, v1beta)";
  }

  @Override
  public String displayName() {
    return "Google Gemini (AI Studio)";
  }

  @Override
  public String kind() {
    return "gemini";
  }

  @Override
  public String baseUrl() {
    return "https://generativelanguage.googleapis.com/v1beta";
  }

  @Override
  public String transformerId() {
    return "gemini";
  }

  /** Per-model quotas drain evenly and a key out of one model's quota serves the others. */
  @Override
  public String strategyId() {
    return "gemini-quota";
  }

  @Override
  public List<String> models() {
    return List.of(
        "gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-3-pro-preview");
  }
}
