package dev.clauderelay.gateway.domain.model.provider;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The wire format a provider speaks, which decides how requests reach it. */
public enum ProviderKind {
  /** Anthropic Messages API: bytes pass through untouched. */
  ANTHROPIC("anthropic"),
  /** OpenAI Chat Completions: through a transformer plugin. */
  OPENAI("openai"),
  /** Google Gemini generateContent: through a transformer plugin. */
  GEMINI("gemini"),
  /** OpenAI Responses ({@code /responses}): through a transformer plugin, keys as for OpenAI. */
  OPENAI_RESPONSES("openai-responses");

  private final String wireName;

  ProviderKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The accepted wire names, for messages: {@code anthropic, openai, gemini or ...}. */
  public static String accepted() {
    String all =
        Arrays.stream(values()).map(ProviderKind::wireName).collect(Collectors.joining(", "));
    int last = all.lastIndexOf(", ");
    return all.substring(0, last) + " or " + all.substring(last + 2);
  }

  /**
   * @throws IllegalArgumentException naming the accepted kinds
   */
  public static ProviderKind fromWireName(String name) {
    for (ProviderKind kind : values()) {
      if (kind.wireName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown provider kind '" + name + "'; use " + accepted());
  }
}
