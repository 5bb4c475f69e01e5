package dev.clauderelay.gateway.infrastructure.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.plugin.api.ErrorClass;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.UpstreamAnswer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One fixture per row of the Anthropic error table, with the error bodies Anthropic sends. */
class AnthropicErrorClassifierTest {

  private static final long NOW = 1_800_000_000_000L;

  private static UpstreamAnswer answer(
      int status, String type, String message, Map<String, String> headers) {
    String body =
        "{\"type\":\"error\",\"error\":{\"type\":\""
            + type
            + "\",\"message\":\""
            + message
            + "\"}}";
    Map<String, List<String>> map = new java.util.HashMap<>();
    headers.forEach((k, v) -> map.put(k, List.of(v)));
    return new UpstreamAnswer(status, map, body.getBytes(StandardCharsets.UTF_8), NOW);
  }

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @CsvSource({
    "429, rate_limit_error, Number of request tokens has exceeded your per-minute rate limit, RATE_LIMITED, rate_limit_error",
    "529, overloaded_error, Overloaded, OVERLOADED, overloaded_error",
    "503, api_error, Service unavailable, OVERLOADED, overloaded_error",
    "401, authentication_error, invalid x-api-key, KEY_INVALID, overloaded_error",
    "403, permission_error, Your API key does not have permission to use the specified resource., KEY_INVALID, overloaded_error",
    "402, billing_error, Your organization has no active billing, QUOTA_EXHAUSTED, overloaded_error",
    "400, invalid_request_error, Your credit balance is too low to access the Anthropic API., QUOTA_EXHAUSTED, overloaded_error",
    "504, api_error, Gateway timeout, UPSTREAM_ERROR, api_error",
    "500, api_error, Internal server error, UPSTREAM_ERROR, api_error",
    "400, invalid_request_error, max_tokens: too large, CLIENT_ERROR, invalid_request_error",
    "404, not_found_error, model: claude-x, CLIENT_ERROR, not_found_error",
    "413, request_too_large, Request exceeds the maximum allowed number of bytes., CLIENT_ERROR, request_too_large",
  })
  void classifiesEachRowOfTheTable(
      int status, String type, String message, ErrorClass expected, String clientType) {
    ErrorClassification result =
        AnthropicErrorClassifier.classify(answer(status, type, message, Map.of()));

    assertThat(result.errorClass()).isEqualTo(expected);
    assertThat(result.clientType()).isEqualTo(ErrorType.fromWireName(clientType));
    assertThat(result.message()).doesNotContain("x-api-key");
  }

  @Test
  void takesTheCooldownFromRetryAfterInSecondsOrAsADate() {
    assertThat(
            AnthropicErrorClassifier.classify(
                    answer(429, "rate_limit_error", "x", Map.of("retry-after", "30")))
                .untilEpochMillis())
        .isEqualTo(NOW + 30_000);
    assertThat(
            AnthropicErrorClassifier.classify(
                    answer(
                        429,
                        "rate_limit_error",
                        "x",
                        Map.of("retry-after", "Fri, 15 Jan 2027 08:00:00 GMT")))
                .untilEpochMillis())
        .isEqualTo(java.time.Instant.parse("2027-01-15T08:00:00Z").toEpochMilli());
  }

  @Test
  void takesTheLatestExhaustedRateLimitResetWithoutRetryAfter() {
    Map<String, String> headers =
        Map.of(
            "anthropic-ratelimit-requests-remaining", "12",
            "anthropic-ratelimit-requests-reset", "2027-01-15T08:00:00Z",
            "anthropic-ratelimit-tokens-remaining", "0",
            "anthropic-ratelimit-tokens-reset", "2027-01-15T08:00:40Z",
            "anthropic-ratelimit-input-tokens-remaining", "0",
            "anthropic-ratelimit-input-tokens-reset", "2027-01-15T08:00:20Z");

    assertThat(
            AnthropicErrorClassifier.classify(answer(429, "rate_limit_error", "x", headers))
                .untilEpochMillis())
        .isEqualTo(java.time.Instant.parse("2027-01-15T08:00:40Z").toEpochMilli());
  }

  @Test
  void decidesByStatusWhenTheBodyIsNotJson() {
    UpstreamAnswer html =
        new UpstreamAnswer(
            502, Map.of(), "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8), NOW);

    assertThat(AnthropicErrorClassifier.classify(html).errorClass())
        .isEqualTo(ErrorClass.UPSTREAM_ERROR);
  }
}
