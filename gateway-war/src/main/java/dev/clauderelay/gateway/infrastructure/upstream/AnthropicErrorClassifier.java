package dev.clauderelay.gateway.infrastructure.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clauderelay.plugin.api.ErrorClass;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.UpstreamAnswer;
import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What an Anthropic-format upstream's error answer means for the key and the client: one
 * declarative table of (status, error type, message) rows, first match wins; each row has a fixture
 * in the tests. Reset times come from {@code retry-after} or Anthropic's {@code
 * anthropic-ratelimit-*-reset} headers.
 */
public final class AnthropicErrorClassifier {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One row: when it applies and what it means. */
  private record Row(
      String name, Predicate<Answer> applies, ErrorClass errorClass, ErrorType clientType) {}

  /** The parsed parts of an answer that rows look at. */
  private record Answer(int status, String errorType, String message) {}

  private static final List<Row> TABLE =
      List.of(
          new Row(
              "rate limited",
              a -> a.status() == 429,
              ErrorClass.RATE_LIMITED,
              ErrorType.RATE_LIMIT),
          new Row(
              "overloaded",
              a -> a.status() == 529 || "overloaded_error".equals(a.errorType()),
              ErrorClass.OVERLOADED,
              ErrorType.OVERLOADED),
          new Row(
              "unavailable", a -> a.status() == 503, ErrorClass.OVERLOADED, ErrorType.OVERLOADED),
          new Row(
              "key refused", a -> a.status() == 401, ErrorClass.KEY_INVALID, ErrorType.OVERLOADED),
          new Row(
              "key lacks permission",
              a -> a.status() == 403,
              ErrorClass.KEY_INVALID,
              ErrorType.OVERLOADED),
          new Row(
              "billing", a -> a.status() == 402, ErrorClass.QUOTA_EXHAUSTED, ErrorType.OVERLOADED),
          new Row(
              "credit balance too low",
              a ->
                  a.status() == 400
                      && a.message().toLowerCase(Locale.ROOT).contains("credit balance"),
              ErrorClass.QUOTA_EXHAUSTED,
              ErrorType.OVERLOADED),
          new Row(
              "request timeout",
              a -> a.status() == 408 || a.status() == 504,
              ErrorClass.UPSTREAM_ERROR,
              ErrorType.API),
          new Row("server error", a -> a.status() >= 500, ErrorClass.UPSTREAM_ERROR, ErrorType.API),
          new Row(
              "client error",
              a -> a.status() >= 400,
              ErrorClass.CLIENT_ERROR,
              ErrorType.INVALID_REQUEST));

  private AnthropicErrorClassifier() {}

  /** Every row's name, in table order, so a test can check that each has a fixture. */
  static List<String> rowNames() {
    return TABLE.stream().map(Row::name).toList();
  }

  /** The name of the row an answer falls under. */
  static String rowName(UpstreamAnswer answer) {
    Answer parsed = parse(answer);
    return TABLE.stream().filter(r -> r.applies().test(parsed)).findFirst().orElseThrow().name();
  }

  public static ErrorClassification classify(UpstreamAnswer answer) {
    Answer parsed = parse(answer);
    for (Row row : TABLE) {
      if (row.applies().test(parsed)) {
        long until =
            row.errorClass() == ErrorClass.RATE_LIMITED
                    || row.errorClass() == ErrorClass.QUOTA_EXHAUSTED
                ? resetTime(answer)
                : 0;
        ErrorType clientType =
            row.errorClass() == ErrorClass.CLIENT_ERROR
                ? ErrorType.fromWireName(parsed.errorType())
                : row.clientType();
        return new ErrorClassification(
            row.errorClass(),
            until,
            clientType,
            "upstream " + row.name() + " (HTTP " + parsed.status() + ")");
      }
    }
    throw new IllegalStateException("the table's last row matches every error status");
  }

  private static Answer parse(UpstreamAnswer answer) {
    String type = "";
    String message = "";
    try {
      JsonNode error = JSON.readTree(answer.body()).path("error");
      type = error.path("type").asText("");
      message = error.path("message").asText("");
    } catch (IOException | RuntimeException notJson) {
      // an HTML error page from a proxy: the status alone decides
    }
    return new Answer(answer.status(), type, message);
  }

  /**
   * When the key may be used again: {@code retry-after} (seconds or an HTTP date), else the latest
   * of Anthropic's reset headers whose remaining count is exhausted, else 0 (unknown).
   */
  static long resetTime(UpstreamAnswer answer) {
    String retryAfter = answer.header("retry-after");
    if (retryAfter != null) {
      try {
        return answer.receivedEpochMillis()
            + (long) (Double.parseDouble(retryAfter.strip()) * 1000);
      } catch (NumberFormatException notSeconds) {
        try {
          return ZonedDateTime.parse(retryAfter.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant()
              .toEpochMilli();
        } catch (DateTimeParseException ignored) {
          // fall through to the rate-limit headers
        }
      }
    }
    long latest = 0;
    for (String limit : List.of("requests", "tokens", "input-tokens", "output-tokens")) {
      String remaining = answer.header("anthropic-ratelimit-" + limit + "-remaining");
      String reset = answer.header("anthropic-ratelimit-" + limit + "-reset");
      if (reset == null || (remaining != null && !"0".equals(remaining.strip()))) {
        continue;
      }
      try {
        latest = Math.max(latest, Instant.parse(reset.strip()).toEpochMilli());
      } catch (DateTimeParseException ignored) {
        // an unreadable header does not decide anything
      }
    }
    return latest;
  }
}
