package dev.clauderelay.plugin.api;

import java.util.List;

/**
 * A named template for a provider that the console and admin API offer when an admin adds one:
 * {@code DeepSeek} fills in its base URL, transformer, strategy and models.
 *
 * <p>Pure data; called from any thread. The id is unique across all loaded plugins.
 */
public interface ProviderPreset extends RelayExtension {

  /** The name shown to admins, such as {@code DeepSeek}. */
  String displayName();

  /** The provider kind: {@code anthropic}, {@code openai} or {@code gemini}. */
  String kind();

  /** The base URL, including the API version, as the provider's docs give it. */
  String baseUrl();

  /** The transformer id; {@code null} for the kind's default. */
  default String transformerId() {
    return null;
  }

  /** The key selection strategy id. */
  default String strategyId() {
    return "round-robin";
  }

  /** The provider's usual models, the first being the suggested default. */
  List<String> models();
}
