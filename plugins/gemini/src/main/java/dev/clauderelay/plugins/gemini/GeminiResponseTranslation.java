package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.support.AnthropicMessages;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;

/**
 * Turns one complete Gemini {@code GenerateContentResponse} into an Anthropic {@code message},
 * through the same {@link PartAssembler} the stream translator uses.
 */
final class GeminiResponseTranslation implements BlockSink {

  private final ArrayNode content = Json.array();
  private BlockKind openKind;
  private StringBuilder openText;
  private String openSignature;

  private GeminiResponseTranslation() {}

  /**
   * @throws GatewayError when Gemini's finish reason stands for a failure (a malformed tool call)
   */
  static ObjectNode toMessage(JsonNode response, TranslationContext context) {
    Degradations degradations = new Degradations(context.degradation());
    GeminiResponseTranslation blocks = new GeminiResponseTranslation();
    PartAssembler assembler = new PartAssembler(blocks, context.messageId(), degradations);
    JsonNode candidate = response.path("candidates").path(0);
    String finishReason = Json.nonEmptyText(candidate, "finishReason");
    GatewayError failure = FinishReasons.failure(finishReason);
    if (failure != null) {
      throw failure;
    }
    assembler.acceptAll(candidate.path("content").path("parts"));
    assembler.finish();
    String stopReason =
        candidate.isMissingNode() && response.path("promptFeedback").has("blockReason")
            ? FinishReasons.promptBlocked()
            : FinishReasons.stopReason(finishReason, assembler.sawToolCall());
    return AnthropicMessages.message(
        context.messageId(),
        context.requestedModel(),
        blocks.content,
        stopReason,
        null,
        GeminiUsage.of(response.path("usageMetadata")));
  }

  @Override
  public void open(int index, BlockKind kind) {
    openKind = kind;
    openText = new StringBuilder();
    openSignature = "";
  }

  @Override
  public void append(int index, BlockKind kind, String text) {
    openText.append(text);
  }

  @Override
  public void sign(int index, String signature) {
    openSignature = signature;
  }

  @Override
  public void close(int index) {
    content.add(
        openKind == BlockKind.THINKING
            ? AnthropicMessages.thinkingBlock(openText.toString(), openSignature)
            : AnthropicMessages.textBlock(openText.toString()));
    openKind = null;
    openText = null;
  }

  @Override
  public void toolUse(int index, String id, String name, JsonNode input) {
    content.add(AnthropicMessages.toolUseBlock(id, name, input));
  }
}
