package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.TranslationContext;

/**
 * Turns one complete Gemini {@code GenerateContentResponse} into an Anthropic {@code message},
 * through the same {@link PartAssembler} the stream translator uses.
 */
final class GeminiResponseTranslation implements BlockSink {

  private final ArrayNode content = Json.array();
  private ObjectNode openBlock;
  private StringBuilder openText;
  private BlockKind openKind;

  private GeminiResponseTranslation() {}

  /**
   * @throws GatewayError when Gemini's finish reason stands for a failure (a malformed tool call)
   */
  static ObjectNode toMessage(JsonNode response, TranslationContext context) {
    Degradations degradations = new Degradations(context.degradation());
    GeminiResponseTranslation blocks = new GeminiResponseTranslation();
    PartAssembler assembler = new PartAssembler(blocks, context.messageId(), degradations);
    JsonNode candidate = response.path("candidates").path(0);
    String finishReason = Json.text(candidate, "finishReason");
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

    ObjectNode message = Json.object();
    message.put("id", context.messageId());
    message.put("type", "message");
    message.put("role", "assistant");
    message.put("model", context.requestedModel());
    message.set("content", blocks.content);
    message.put("stop_reason", stopReason);
    message.putNull("stop_sequence");
    message.set("usage", Usage.from(response.path("usageMetadata")));
    return message;
  }

  @Override
  public void open(int index, BlockKind kind) {
    openKind = kind;
    openBlock = AnthropicEvents.emptyBlock(kind);
    openText = new StringBuilder();
  }

  @Override
  public void append(int index, BlockKind kind, String text) {
    openText.append(text);
  }

  @Override
  public void sign(int index, String signature) {
    openBlock.put("signature", signature);
  }

  @Override
  public void close(int index) {
    openBlock.put(openKind.field(), openText.toString());
    content.add(openBlock);
    openBlock = null;
    openText = null;
  }

  @Override
  public void toolUse(int index, String id, String name, JsonNode input) {
    content.add(AnthropicEvents.toolUseBlock(id, name, input));
  }
}
