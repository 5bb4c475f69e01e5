package dev.clauderelay.plugin.support;

/**
 * Ids for the {@code tool_use} blocks of calls the upstream sent without one. They derive from the
 * message id and the call's position, so translation stays pure and the same answer always gets the
 * same ids; the {@code toolu_} prefix is what clients expect of a tool use id.
 *
 * <p><b>Purity and threading:</b> a function of its arguments, callable from any thread.
 */
public final class ToolUseIds {

  private ToolUseIds() {}

  /**
   * {@code toolu_<message id without msg_>_<position>}.
   *
   * @param messageId the {@link dev.clauderelay.plugin.api.TranslationContext#messageId()}; a
   *     {@code null} or empty one (never given by the relay) makes ids that still differ by
   *     position
   * @param position the call's position among the answer's calls, from 0
   */
  public static String synthetic(String messageId, int position) {
    String stem = Json.isEmpty(messageId) ? "relay" : messageId;
    return "toolu_" + (stem.startsWith("msg_") ? stem.substring(4) : stem) + "_" + position;
  }
}
