package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Receives the Anthropic content blocks a Gemini response becomes, as {@link PartAssembler} decides
 * them. The stream translator turns each call into events and the message builder into blocks, so
 * the streamed and the whole answer agree by construction.
 */
interface BlockSink {

  /** Opens a text or thinking block at {@code index}. */
  void open(int index, BlockKind kind);

  /** Appends non-empty text to the open block at {@code index}. */
  void append(int index, BlockKind kind, String text);

  /** Gives the open thinking block at {@code index} its signature, just before it closes. */
  void sign(int index, String signature);

  /** Closes the open block at {@code index}. */
  void close(int index);

  /** A whole {@code tool_use} block: Gemini sends each function call complete, never in pieces. */
  void toolUse(int index, String id, String name, JsonNode input);
}
