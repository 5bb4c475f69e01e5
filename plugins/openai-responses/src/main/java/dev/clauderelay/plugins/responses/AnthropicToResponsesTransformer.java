package dev.clauderelay.plugins.responses;

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
 * Anthropic Messages to the OpenAI Responses API and back: the transformer of every {@code
 * openai-responses} kind provider. Base URLs end where {@code /responses} is appended ({@code
 * https://api.openai.com/v1}). Token counting goes to {@code /responses/input_tokens}. Stateless;
 * each call builds what it needs.
 */
@Extension
public class AnthropicToResponsesTransformer implements Transformer {

  @Override
  public String id() {
    return "openai-responses";
  }

  @Override
  public String description() {
    return "Anthropic Messages <-> OpenAI Responses API (GPT-5, Codex models, reasoning carried)";
  }

  @Override
  public String upstreamKind() {
    return "openai-responses";
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
    return new ResponsesToAnthropicStreamTranslator(context);
  }

  @Override
  public ErrorClassification classifyError(UpstreamAnswer answer) {
    return OpenAiErrorTable.classify(answer);
  }

  @Override
  public UpstreamRequest toCountTokens(ObjectNode clientRequest, TranslationContext context) {
    return new RequestTranslation(clientRequest, context).countTokens();
  }

  @Override
  public long countedTokens(JsonNode upstreamResponse) {
    return upstreamResponse.path("input_tokens").asLong(0);
  }
}
