package dev.clauderelay.gateway.domain.model.provider;

import java.util.Locale;

/** The wire format a provider speaks, which decides how requests reach it. */
public enum ProviderKind {
  /** Anthropic Messages API: bytes pass through untouched. */
  ANTHROPIC,
  /** OpenAI Chat Completions: through a transformer plugin. */
  OPENAI,
  /** Google Gemini generateContent: through a transformer plugin. */
  GEMINI;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the accepted kinds
   */
  public static ProviderKind fromWireName(String name) {
    for (ProviderKind kind : values()) {
      if (kind.wireName().equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown provider kind '" + name + "'; use anthropic, openai or gemini");
  }
}
