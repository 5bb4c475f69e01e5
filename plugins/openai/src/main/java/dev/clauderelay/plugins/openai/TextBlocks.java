package dev.clauderelay.plugins.openai;

/**
 * How the text blocks of one Anthropic message become one string: joined by a newline (Claude
 * Code's blocks bring their own blank lines). A string rather than a list of parts, because Zhipu
 * GLM and several vLLM chat templates accept only strings for system and assistant content; a list
 * is used only where images require it.
 */
final class TextBlocks {

  static final String SEPARATOR = "\n";

  private TextBlocks() {}

  /** Appends {@code block} to {@code text}, after a separator unless it is the first. */
  static void append(StringBuilder text, String block) {
    if (text.length() > 0) {
      text.append(SEPARATOR);
    }
    text.append(block);
  }
}
