package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;
import dev.clauderelay.plugin.support.ToolUseIds;
import java.util.Iterator;

/**
 * Walks the parts of one Gemini answer in order, across stream chunks, and decides the Anthropic
 * content blocks they become: thought parts make thinking blocks, text parts text blocks
 * (consecutive parts merge, as a stream splits one part over many chunks), function calls tool_use
 * blocks.
 *
 * <p>A part's {@code thoughtSignature} goes into the signature of a thinking block placed right
 * before the part's own block: the open thinking block when there is one without a signature yet,
 * otherwise a new, empty one. {@link ThoughtSignatures} describes how the next request puts it back
 * on the same part.
 */
final class PartAssembler {

  private final BlockSink sink;
  private final String messageId;
  private final Degradations degradations;
  private int nextIndex;
  private BlockKind open;
  private String heldSignature;
  private int toolCalls;

  PartAssembler(BlockSink sink, String messageId, Degradations degradations) {
    this.sink = sink;
    this.messageId = messageId;
    this.degradations = degradations;
  }

  /** Takes every part of a candidate's content, in order. */
  void acceptAll(JsonNode parts) {
    for (Iterator<JsonNode> it = parts.elements(); it.hasNext(); ) {
      accept(it.next());
    }
  }

  void accept(JsonNode part) {
    String signature = Json.nonEmptyText(part, "thoughtSignature");
    if (part.path("thought").asBoolean(false)) {
      onThought(part.path("text").asText(""), signature);
    } else if (part.hasNonNull("functionCall")) {
      carry(signature);
      onFunctionCall(part.get("functionCall"));
    } else if (part.has("text")) {
      carry(signature);
      onText(part.path("text").asText(""));
    } else {
      carry(signature);
      onUnsupported(part);
    }
  }

  /** Closes the block still open; the answer is complete. */
  void finish() {
    closeOpenBlock();
  }

  boolean sawToolCall() {
    return toolCalls > 0;
  }

  private void onThought(String text, String signature) {
    if (text.isEmpty() && signature == null) {
      return;
    }
    boolean signatureTaken = heldSignature != null && signature != null;
    if (open != BlockKind.THINKING || signatureTaken) {
      openBlock(BlockKind.THINKING);
    }
    if (!text.isEmpty()) {
      sink.append(nextIndex, BlockKind.THINKING, text);
    }
    if (signature != null) {
      heldSignature = signature;
    }
  }

  /** Puts a non-thought part's signature in the thinking block right before the part's block. */
  private void carry(String signature) {
    if (signature == null) {
      return;
    }
    if (open != BlockKind.THINKING || heldSignature != null) {
      openBlock(BlockKind.THINKING);
    }
    heldSignature = signature;
    closeOpenBlock();
  }

  private void onText(String text) {
    if (text.isEmpty()) {
      return;
    }
    if (open != BlockKind.TEXT) {
      openBlock(BlockKind.TEXT);
    }
    sink.append(nextIndex, BlockKind.TEXT, text);
  }

  private void onFunctionCall(JsonNode call) {
    closeOpenBlock();
    String id = Json.nonEmptyText(call, "id");
    if (id == null) {
      id = ToolUseIds.synthetic(messageId, toolCalls);
    }
    toolCalls++;
    JsonNode args = call.path("args");
    sink.toolUse(
        nextIndex++, id, call.path("name").asText(""), args.isObject() ? args : Json.object());
  }

  private void onUnsupported(JsonNode part) {
    for (Iterator<String> names = part.fieldNames(); names.hasNext(); ) {
      String kind = names.next();
      if (!kind.equals("thoughtSignature") && !kind.equals("thought")) {
        degradations.report(
            "A Gemini " + kind + " part has no Anthropic content block and was dropped.");
        return;
      }
    }
  }

  private void openBlock(BlockKind kind) {
    closeOpenBlock();
    open = kind;
    sink.open(nextIndex, kind);
  }

  private void closeOpenBlock() {
    if (open == null) {
      return;
    }
    if (heldSignature != null) {
      sink.sign(nextIndex, ThoughtSignatures.toAnthropic(heldSignature));
      heldSignature = null;
    }
    sink.close(nextIndex++);
    open = null;
  }
}
