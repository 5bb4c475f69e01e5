package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.StreamTranslator;
import dev.clauderelay.plugin.api.Transformer;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.api.UpstreamAnswer;
import dev.clauderelay.plugin.api.UpstreamRequest;
import dev.clauderelay.plugin.support.openai.OpenAiErrorTable;
import org.pf4j.Extension;

/**
 * Anthropic Messages to OpenAI Chat Completions and back: the transformer of every {@code openai}
 * kind provider. Base URLs end where {@code /chat/completions} is appended ({@code
 * https://api.deepseek.com/v1}). Stateless; each call builds what it needs. OpenAI-compatible APIs
 * have no token counting endpoint, so {@code toCountTokens} keeps the default: the relay estimates.
 */
@Extension
public class AnthropicToOpenAiTransformer implements Transformer {

  @Override
  public String id() {
    return "openai";
  }

  @Override
  public String description() {
    return "Anthropic Messages <-> OpenAI Chat Completions (DeepSeek, Qwen, GLM, OpenRouter...)";
  }

  @Override
  public String upstreamKind() {
    return "openai";
  }

  @Override
  public UpstreamRequest toUpstream(ObjectNode clientRequest, TranslationContext context) {
    return new RequestTranslation(clientRequest, context).translate();
  }

  @Override
  public ObjectNode toClient(JsonNode upstreamResponse, TranslationContext context) {
    return ResponseTranslation.toMessage(upstreamResponse, context);
  }

  @Override
  public StreamTranslator newStreamTranslator(TranslationContext context) {
    return new OpenAiToAnthropicStreamTranslator(context);
  }

  @Override
  public ErrorClassification classifyError(UpstreamAnswer answer) {
    return OpenAiErrorTable.classify(answer);
  }
}
