package dev.clauderelay.plugins.responses;

/**
 * Carries an upstream reasoning item across turns inside the {@code signature} of the Anthropic
 * thinking block it became: {@code openai-responses:<item id>:<encrypted content>}. Clients send
 * thinking blocks back untouched, so the next request can hand the upstream its own reasoning again
 * as a {@code reasoning} input item, with no state kept in the relay ({@code store} is false).
 *
 * <p>Neither the item id ({@code rs_...}) nor the encrypted content (base64) holds a colon, so the
 * first colon after the prefix ends the id. A signature without the prefix was made by someone else
 * (Anthropic, another provider) and means nothing to this upstream.
 *
 * <p><b>Purity and threading:</b> functions of their arguments, callable from any thread.
 */
final class ReasoningSignatures {

  static final String PREFIX = "openai-responses:";

  /** A reasoning item as a signature can carry it. */
  record Reasoning(String id, String encryptedContent) {}

  private ReasoningSignatures() {}

  /**
   * The signature for a reasoning item; {@code ""} when it has no encrypted content, since without
   * it a reasoning item cannot be sent back to an upstream that stores nothing.
   */
  static String encode(String id, String encryptedContent) {
    if (id == null || id.isEmpty() || encryptedContent == null || encryptedContent.isEmpty()) {
      return "";
    }
    return PREFIX + id + ":" + encryptedContent;
  }

  /** The reasoning item a signature carries, or {@code null} when it is not one of ours. */
  static Reasoning decode(String signature) {
    if (signature == null || !signature.startsWith(PREFIX)) {
      return null;
    }
    int colon = signature.indexOf(':', PREFIX.length());
    if (colon <= PREFIX.length() || colon == signature.length() - 1) {
      return null;
    }
    return new Reasoning(
        signature.substring(PREFIX.length(), colon), signature.substring(colon + 1));
  }
}
