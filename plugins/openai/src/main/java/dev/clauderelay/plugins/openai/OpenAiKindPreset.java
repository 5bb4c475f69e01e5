package dev.clauderelay.plugins.openai;

import dev.clauderelay.plugin.api.ProviderPreset;
import java.util.List;

/**
 * The shared shape of the presets for OpenAI-compatible providers: kind {@code openai}, served by
 * the {@code openai} transformer, with a base URL that ends where {@code /chat/completions} goes.
 */
abstract class OpenAiKindPreset implements ProviderPreset {

  private final String id;
  private final String displayName;
  private final String baseUrl;
  private final List<String> models;

  OpenAiKindPreset(String id, String displayName, String baseUrl, List<String> models) {
    this.id = id;
    this.displayName = displayName;
    this.baseUrl = baseUrl;
    this.models = List.copyOf(models);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return displayName + " (OpenAI-compatible, " + baseUrl + ")";
  }

  @Override
  public String displayName() {
    return displayName;
  }

  @Override
  public String kind() {
    return "openai";
  }

  @Override
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public String transformerId() {
    return "openai";
  }

  @Override
  public List<String> models() {
    return models;
  }
}
