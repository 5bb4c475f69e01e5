package dev.clauderelay.plugin.support.openai;

import dev.clauderelay.plugin.api.ErrorClass;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.UpstreamAnswer;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * How the error answers of OpenAI-compatible upstreams (OpenAI, Azure OpenAI, DeepSeek, ModelScope,
 * Zhipu, OpenRouter, vLLM) map to the relay's error classes, for the Chat Completions and the
 * Responses API alike (the second answers errors in the first's shape): one table, read top to
 * bottom, first matching row wins. Rows naming {@code error.type} / {@code error.code} markers come
 * first since they say more than the status (OpenAI's exhausted quota is a 429 like a rate limit);
 * status rows follow; the last row matches everything.
 *
 * <p>Client types: a refused or exhausted upstream key is the relay's problem, not the client's, so
 * it never becomes {@code authentication_error} or {@code billing_error}, which Claude Code would
 * answer by asking its user to log in again or pay.
 */
public final class OpenAiErrorTable {

  /**
   * One row of the table.
   *
   * @param name the row's name; each has a fixture directory under the {@code openai} plugin's
   *     {@code src/test/resources/errors/}
   * @param status the statuses the row applies to (0 is a mid-stream error without one)
   * @param markers {@code error.type} or {@code error.code} values, any of which matches; empty for
   *     any
   * @param messagePattern what the upstream message must contain, or {@code null} for anything
   * @param message the safe client message from the status and the upstream's message
   */
  record Row(
      String name,
      IntPredicate status,
      Set<String> markers,
      Pattern messagePattern,
      ErrorClass errorClass,
      ErrorType clientType,
      BiFunction<Integer, String, String> message) {

    boolean matches(int answerStatus, UpstreamErrorBody body) {
      return status.test(answerStatus)
          && (markers.isEmpty() || body.hasMarker(markers))
          && (messagePattern == null
              || body.message() != null && messagePattern.matcher(body.message()).find());
    }
  }

  private static final IntPredicate ANY = status -> true;
  private static final Set<String> NO_MARKERS = Set.of();

  /** How providers without a context-length code (DeepSeek, vLLM) word an overlong prompt. */
  private static final Pattern CONTEXT_EXCEEDED =
      Pattern.compile(
          "(?i)maximum context length|context[ _]length|context window|prompt is too long"
              + "|input is too long|too many input tokens");

  static final List<Row> ROWS =
      List.of(
          new Row(
              "invalid-key",
              ANY,
              // Zhipu: 1000-1004 are its authentication failures.
              Set.of(
                  "invalid_api_key",
                  "invalid_authentication",
                  "authentication_error",
                  "1000",
                  "1001",
                  "1002",
                  "1003",
                  "1004"),
              null,
              ErrorClass.KEY_INVALID,
              ErrorType.API,
              (status, upstream) -> ClientMessages.credentials()),
          new Row(
              "quota-exhausted",
              ANY,
              // Zhipu: 1113 balance exhausted, 1304 daily call limit.
              Set.of(
                  "insufficient_quota",
                  "insufficient_balance",
                  "billing_hard_limit_reached",
                  "1113",
                  "1304"),
              null,
              ErrorClass.QUOTA_EXHAUSTED,
              ErrorType.RATE_LIMIT,
              (status, upstream) -> ClientMessages.quota()),
          new Row(
              "region-unsupported",
              ANY,
              Set.of("unsupported_country_region_territory"),
              null,
              ErrorClass.UPSTREAM_ERROR,
              ErrorType.PERMISSION,
              (status, upstream) -> ClientMessages.region()),
          new Row(
              "overloaded-marker",
              ANY,
              Set.of("engine_overloaded", "overloaded", "overloaded_error", "server_overloaded"),
              null,
              ErrorClass.OVERLOADED,
              ErrorType.OVERLOADED,
              (status, upstream) -> ClientMessages.overloaded()),
          new Row(
              "rate-limit-marker",
              ANY,
              // Zhipu: 1302 too many concurrent requests, 1303 too frequent.
              Set.of("rate_limit_exceeded", "rate_limit_error", "1302", "1303"),
              null,
              ErrorClass.RATE_LIMITED,
              ErrorType.RATE_LIMIT,
              (status, upstream) -> ClientMessages.rateLimited()),
          new Row(
              "context-length-code",
              ANY,
              // Zhipu: 1261 prompt too long.
              Set.of("context_length_exceeded", "1261"),
              null,
              ErrorClass.CLIENT_ERROR,
              ErrorType.INVALID_REQUEST,
              (status, upstream) -> ClientMessages.promptTooLong(upstream)),
          new Row(
              "context-length-message",
              status -> status == 400 || status == 413 || status == 422,
              NO_MARKERS,
              CONTEXT_EXCEEDED,
              ErrorClass.CLIENT_ERROR,
              ErrorType.INVALID_REQUEST,
              (status, upstream) -> ClientMessages.promptTooLong(upstream)),
          new Row(
              "unauthorized",
              status -> status == 401,
              NO_MARKERS,
              null,
              ErrorClass.KEY_INVALID,
              ErrorType.API,
              (status, upstream) -> ClientMessages.credentials()),
          new Row(
              "payment-required",
              status -> status == 402,
              NO_MARKERS,
              null,
              ErrorClass.QUOTA_EXHAUSTED,
              ErrorType.RATE_LIMIT,
              (status, upstream) -> ClientMessages.quota()),
          new Row(
              // OpenRouter answers 403 to moderated input: not the key's fault, so not KEY_INVALID.
              "forbidden",
              status -> status == 403,
              NO_MARKERS,
              null,
              ErrorClass.CLIENT_ERROR,
              ErrorType.PERMISSION,
              ClientMessages::rejected),
          new Row(
              "not-found",
              status -> status == 404,
              NO_MARKERS,
              null,
              ErrorClass.CLIENT_ERROR,
              ErrorType.NOT_FOUND,
              ClientMessages::rejected),
          new Row(
              "request-timeout",
              status -> status == 408,
              NO_MARKERS,
              null,
              ErrorClass.UPSTREAM_ERROR,
              ErrorType.TIMEOUT,
              (status, upstream) -> ClientMessages.timeout()),
          new Row(
              "too-large",
              status -> status == 413,
              NO_MARKERS,
              null,
              ErrorClass.CLIENT_ERROR,
              ErrorType.REQUEST_TOO_LARGE,
              ClientMessages::rejected),
          new Row(
              "rate-limited",
              status -> status == 429,
              NO_MARKERS,
              null,
              ErrorClass.RATE_LIMITED,
              ErrorType.RATE_LIMIT,
              (status, upstream) -> ClientMessages.rateLimited()),
          new Row(
              "unavailable",
              status -> status == 503 || status == 529,
              NO_MARKERS,
              null,
              ErrorClass.OVERLOADED,
              ErrorType.OVERLOADED,
              (status, upstream) -> ClientMessages.overloaded()),
          new Row(
              "gateway-timeout",
              status -> status == 504,
              NO_MARKERS,
              null,
              ErrorClass.UPSTREAM_ERROR,
              ErrorType.TIMEOUT,
              (status, upstream) -> ClientMessages.timeout()),
          new Row(
              "server-error",
              status -> status >= 500 && status <= 599,
              NO_MARKERS,
              null,
              ErrorClass.UPSTREAM_ERROR,
              ErrorType.API,
              (status, upstream) -> ClientMessages.upstreamFailed(status)),
          new Row(
              "client-error",
              status -> status >= 400 && status <= 499,
              NO_MARKERS,
              null,
              ErrorClass.CLIENT_ERROR,
              ErrorType.INVALID_REQUEST,
              ClientMessages::rejected),
          new Row(
              "anything-else",
              ANY,
              NO_MARKERS,
              null,
              ErrorClass.UPSTREAM_ERROR,
              ErrorType.API,
              (status, upstream) -> ClientMessages.upstreamFailed(status)));

  private OpenAiErrorTable() {}

  /**
   * The name of the row an answer of {@code status} with {@code body} matches: what a plugin's
   * error fixtures are named after.
   */
  public static String rowName(int status, UpstreamErrorBody body) {
    return match(status, body).name();
  }

  /** Every row's name, top to bottom; a plugin's fixtures should cover them all. */
  public static List<String> rowNames() {
    return ROWS.stream().map(Row::name).toList();
  }

  static Row match(int status, UpstreamErrorBody body) {
    for (Row row : ROWS) {
      if (row.matches(status, body)) {
        return row;
      }
    }
    throw new IllegalStateException("the last row matches everything");
  }

  /** The classification of an upstream answer that is not a success. */
  public static ErrorClassification classify(UpstreamAnswer answer) {
    UpstreamErrorBody body = UpstreamErrorBody.parse(answer.body());
    Row row = match(answer.status(), body);
    long until =
        row.errorClass() == ErrorClass.RATE_LIMITED
                || row.errorClass() == ErrorClass.QUOTA_EXHAUSTED
            ? ResetTimes.until(answer)
            : 0;
    return new ErrorClassification(
        row.errorClass(),
        until,
        row.clientType(),
        row.message().apply(answer.status(), body.message()));
  }

  /**
   * The error type and message for an error object met inside a stream, where there is no HTTP
   * status unless the upstream put one in {@code error.code} (OpenRouter does).
   */
  public static ErrorClassification classifyInStream(UpstreamErrorBody body) {
    int status = body.embeddedStatus();
    Row row = match(status, body);
    return new ErrorClassification(
        row.errorClass(), 0, row.clientType(), row.message().apply(status, body.message()));
  }
}
