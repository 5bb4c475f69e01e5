package com.example.relay.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clauderelay.plugin.api.ErrorClass;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.UpstreamAnswer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How Acme's error answers steer the relay's key pool and what the client is told. */
class AcmeErrorsTest {

  private final AcmeChatTransformer transformer = new AcmeChatTransformer();

  @Test
  void aRateLimitRestsTheKeyUntilRetryAfter() {
    ErrorClassification error =
        transformer.classifyError(
            answer(429, Map.of("retry-after", List.of("30")), "{\"error\":{\"message\":\"slow\"}}"));

    assertEquals(ErrorClass.RATE_LIMITED, error.errorClass());
    assertEquals(ErrorType.RATE_LIMIT, error.clientType());
    assertEquals(1_000_000L + 30_000, error.untilEpochMillis());
    assertEquals("Acme Chat: slow", error.message());
  }

  @Test
  void aRefusedKeyIsMarkedInvalidAndABadRequestIsNeverRetried() {
    assertEquals(ErrorClass.KEY_INVALID, transformer.classifyError(answer(401, Map.of(), "")).errorClass());
    ErrorClassification bad = transformer.classifyError(answer(400, Map.of(), "not json"));
    assertEquals(ErrorClass.CLIENT_ERROR, bad.errorClass());
    assertEquals("Acme Chat answered 400", bad.message());
  }

  @Test
  void aServerErrorIsRetriedElsewhere() {
    assertEquals(
        ErrorClass.UPSTREAM_ERROR, transformer.classifyError(answer(500, Map.of(), "")).errorClass());
    assertEquals(
        ErrorClass.OVERLOADED, transformer.classifyError(answer(503, Map.of(), "")).errorClass());
  }

  private static UpstreamAnswer answer(int status, Map<String, List<String>> headers, String body) {
    return new UpstreamAnswer(status, headers, body.getBytes(StandardCharsets.UTF_8), 1_000_000L);
  }
}
