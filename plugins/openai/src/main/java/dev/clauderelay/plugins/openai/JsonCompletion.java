package dev.clauderelay.plugins.openai;

/**
 * Follows a JSON text fed fragment by fragment and tells when it forms one complete value, without
 * parsing it. The stream translator uses it to know that a tool call's arguments are finished, so
 * the next parallel call may start its block.
 */
final class JsonCompletion {

  private int depth;
  private boolean inString;
  private boolean escaped;
  private boolean sawValue;

  JsonCompletion() {
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.sawValue = false;
  }

  void feed(CharSequence fragment) {
    for (int i = 0; i < fragment.length(); i++) {
      char c = fragment.charAt(i);
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          inString = true;
          sawValue = true;
        }
        case '{', '[' -> {
          depth++;
          sawValue = true;
        }
        case '}', ']' -> depth--;
        case ' ', '\t', '\n', '\r', ',', ':' -> {
          // structure only
        }
        default -> sawValue = true;
      }
    }
  }

  /** Whether the text so far is one whole value (more fragments could only add whitespace). */
  boolean complete() {
    return sawValue && depth <= 0 && !inString;
  }
}
