package dev.clauderelay.gateway.application.relay;

import java.util.Locale;

/**
 * Whether an Anthropic upstream's successful non-stream answer is what the endpoint promises,
 * before the relay forwards it as a success: one JSON object, a message ({@code "type":"message"})
 * for {@code /v1/messages}, a count ({@code input_tokens}) for {@code count_tokens}, sent as JSON.
 * A proxy's HTML page, binary garbage, a body cut short or an empty one is the upstream's failure.
 *
 * <p>The message's check is the scan that reads its usage ({@link UsageTally#observeMessage}), so a
 * good answer is parsed once.
 */
final class AnthropicAnswerCheck {

  private AnthropicAnswerCheck() {}

  /**
   * @param contentType the upstream's {@code content-type}, or {@code null} when it sent none (then
   *     the body decides)
   * @param usage receives the message's usage as it is checked
   * @return what is wrong, worded for the failure list ("upstream answered 200 with ..."), or
   *     {@code null} when the answer may be forwarded
   */
  static String problem(
      RelayRequest.Endpoint endpoint, String contentType, byte[] body, UsageTally usage) {
    if (contentType != null && !isJson(contentType)) {
      return "content-type " + contentType.replaceAll("[\\r\\n]", " ");
    }
    if (body.length == 0) {
      return "an empty body";
    }
    if (endpoint == RelayRequest.Endpoint.COUNT_TOKENS) {
      return UsageTally.isTokenCount(body) ? null : "a body that is not a token count";
    }
    return usage.observeMessage(body)
        ? null
        : "a body that is not an Anthropic message (not JSON, cut short, or not a message)";
  }

  private static boolean isJson(String contentType) {
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json") || type.endsWith("+json");
  }
}
