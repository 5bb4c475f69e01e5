package dev.clauderelay.plugins.gemini;

/**
 * Carries Gemini thought signatures through the Anthropic {@code thinking} blocks clients echo back
 * verbatim. A thinking block made by this plugin has the signature {@code gemini:} followed by
 * Gemini's own signature, and that signature belongs to the Gemini part of the block right after it
 * (or to an empty text part when nothing follows), which is where the next request restores it.
 *
 * <p>The prefix tells these blocks apart from Anthropic's own thinking blocks (whose signatures
 * Gemini cannot verify) and lets the relay recognise them should a conversation move to another
 * provider.
 */
final class ThoughtSignatures {

  static final String PREFIX = "gemini:";

  private ThoughtSignatures() {}

  /** The Anthropic signature carrying a Gemini one. */
  static String toAnthropic(String geminiSignature) {
    return PREFIX + geminiSignature;
  }

  /**
   * Gemini's signature inside an Anthropic thinking block's signature, or {@code null} when the
   * block was not made by this plugin (no signature, or another provider's).
   */
  static String fromAnthropic(String anthropicSignature) {
    if (anthropicSignature == null
        || !anthropicSignature.startsWith(PREFIX)
        || anthropicSignature.length() == PREFIX.length()) {
      return null;
    }
    return anthropicSignature.substring(PREFIX.length());
  }
}
