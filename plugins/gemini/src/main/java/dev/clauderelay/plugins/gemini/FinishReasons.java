package dev.clauderelay.plugins.gemini;

import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import java.util.Map;

/**
 * Gemini's {@code finishReason} as Anthropic's {@code stop_reason}, one table.
 *
 * <p>Content withheld by Google's filters (safety, recitation, blocklists, personal data) becomes
 * {@code refusal}: the model did not finish the answer for policy reasons, which is what Anthropic
 * clients show for that stop reason. A function call Gemini could not form
 * (MALFORMED_FUNCTION_CALL, UNEXPECTED_TOOL_CALL) has no Anthropic stop reason: ending the turn
 * would silently stop an agent, so it becomes an {@code api_error}, which clients retry. Gemini
 * does not say which stop sequence matched, so a stop sequence ends the turn as {@code end_turn}.
 */
final class FinishReasons {

  private static final String REFUSAL = "refusal";

  private static final Map<String, String> STOP_REASONS =
      Map.ofEntries(
          Map.entry("MAX_TOKENS", "max_tokens"),
          Map.entry("SAFETY", REFUSAL),
          Map.entry("RECITATION", REFUSAL),
          Map.entry("BLOCKLIST", REFUSAL),
          Map.entry("PROHIBITED_CONTENT", REFUSAL),
          Map.entry("SPII", REFUSAL),
          Map.entry("IMAGE_SAFETY", REFUSAL),
          Map.entry("IMAGE_PROHIBITED_CONTENT", REFUSAL),
          Map.entry("IMAGE_RECITATION", REFUSAL));

  private FinishReasons() {}

  /**
   * The stop reason for a finish reason ({@code null} when the answer ended without one); STOP and
   * every reason not in the table end the turn, or hand it to the tools when a call was made.
   */
  static String stopReason(String finishReason, boolean sawToolCall) {
    String mapped = finishReason == null ? null : STOP_REASONS.get(finishReason);
    if (mapped != null) {
      return mapped;
    }
    return sawToolCall ? "tool_use" : "end_turn";
  }

  /** The stop reason when Gemini blocked the prompt itself and answered nothing. */
  static String promptBlocked() {
    return REFUSAL;
  }

  /** The error a finish reason stands for, or {@code null} when it is a normal end. */
  static GatewayError failure(String finishReason) {
    if ("MALFORMED_FUNCTION_CALL".equals(finishReason)
        || "UNEXPECTED_TOOL_CALL".equals(finishReason)) {
      return new GatewayError(
          ErrorType.API,
          "Gemini could not form a valid tool call (" + finishReason + "); retry the request.");
    }
    return null;
  }
}
