package dev.clauderelay.plugins.openai;

import dev.clauderelay.plugin.api.Transformer;
import dev.clauderelay.plugin.testkit.TranslationGoldenCases;

/**
 * The cases under {@code src/test/resources/cases}: client requests and the Chat Completions
 * requests they become, upstream answers (JSON or SSE) and the Anthropic answers they become.
 */
class TranslationCasesTest extends TranslationGoldenCases {

  private final AnthropicToOpenAiTransformer transformer = new AnthropicToOpenAiTransformer();

  @Override
  protected Transformer transformer() {
    return transformer;
  }

  @Override
  protected String upstreamPath() {
    return "/chat/completions";
  }
}
