package dev.clauderelay.plugins.gemini;

/** The Anthropic content blocks that grow by deltas, with the names each uses on the wire. */
enum BlockKind {
  TEXT("text", "text_delta", "text"),
  THINKING("thinking", "thinking_delta", "thinking");

  private final String blockType;
  private final String deltaType;
  private final String field;

  BlockKind(String blockType, String deltaType, String field) {
    this.blockType = blockType;
    this.deltaType = deltaType;
    this.field = field;
  }

  /** The {@code content_block.type}, such as {@code thinking}. */
  String blockType() {
    return blockType;
  }

  /** The {@code delta.type}, such as {@code thinking_delta}. */
  String deltaType() {
    return deltaType;
  }

  /** The field holding the block's text in the block and in its deltas. */
  String field() {
    return field;
  }
}
