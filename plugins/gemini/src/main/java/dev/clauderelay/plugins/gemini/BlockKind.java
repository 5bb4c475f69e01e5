package dev.clauderelay.plugins.gemini;

/** The Anthropic content blocks that grow by text, as {@link PartAssembler} opens them. */
enum BlockKind {
  TEXT,
  THINKING
}
