package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.clauderelay.plugin.api.ErrorClass;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.UpstreamAnswer;
import dev.clauderelay.plugin.support.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Classifies Gemini's error answers with one table, read top to bottom, first match wins: HTTP
 * status, the {@code google.rpc} status name ({@code error.status}) and the structured {@code
 * error.details[]} ({@code ErrorInfo.reason}, {@code QuotaFailure}, {@code RetryInfo}) decide; the
 * free-text message never does.
 *
 * <p>Client messages are the relay's own sentences, plus Gemini's message where it describes the
 * client's request (invalid argument, unknown model), which Gemini writes without secrets.
 */
final class GeminiErrors {

  /** {@code ErrorInfo.reason} values that mean the key itself cannot be used. */
  private static final Set<String> KEY_REASONS =
      Set.of(
          "API_KEY_INVALID",
          "API_KEY_EXPIRED",
          "API_KEY_SERVICE_BLOCKED",
          "API_KEY_HTTP_REFERRER_BLOCKED",
          "API_KEY_IP_ADDRESS_BLOCKED",
          "API_KEY_ANDROID_APP_BLOCKED",
          "API_KEY_IOS_APP_BLOCKED",
          "SERVICE_DISABLED",
          "CONSUMER_SUSPENDED",
          "BILLING_DISABLED");

  private static final int MAX_UPSTREAM_MESSAGE = 500;

  /** One row: when it applies, and what it means. */
  private record Row(
      String name, Predicate<Failure> when, Function<Failure, ErrorClassification> then) {}

  private static final List<Row> TABLE =
      List.of(
          new Row(
              "the key is refused (ErrorInfo reason)",
              f -> f.reasons.stream().anyMatch(KEY_REASONS::contains),
              f -> keyRefused(f.keyReason())),
          new Row(
              "401 UNAUTHENTICATED",
              f -> f.status == 401,
              f -> keyRefused("401 " + f.rpcStatusOr("UNAUTHENTICATED"))),
          new Row(
              "403 PERMISSION_DENIED",
              f -> f.status == 403,
              f -> keyRefused("403 " + f.rpcStatusOr("PERMISSION_DENIED"))),
          new Row(
              "429 with a per-day QuotaFailure",
              f -> f.status == 429 && f.dailyQuota,
              f ->
                  new ErrorClassification(
                          ErrorClass.QUOTA_EXHAUSTED,
                          nextQuotaDay(f.receivedEpochMillis),
                          ErrorType.RATE_LIMIT,
                          "The relay's Gemini key used up its daily quota"
                              + (f.quotaModel == null ? "" : " for " + f.quotaModel)
                              + "; it resets at midnight Pacific time. Retry later.")
                      .forModel(f.quotaModel)),
          new Row(
              "429 with RetryInfo or Retry-After",
              f -> f.status == 429 && f.retryDelayMillis >= 0,
              f ->
                  new ErrorClassification(
                          ErrorClass.RATE_LIMITED,
                          f.receivedEpochMillis + f.retryDelayMillis,
                          ErrorType.RATE_LIMIT,
                          "Gemini's rate limit was reached; retry in "
                              + Math.max(1, (f.retryDelayMillis + 999) / 1000)
                              + " s.")
                      .forModel(f.quotaModel)),
          new Row(
              "429 RESOURCE_EXHAUSTED",
              f -> f.status == 429,
              f ->
                  new ErrorClassification(
                          ErrorClass.RATE_LIMITED,
                          0,
                          ErrorType.RATE_LIMIT,
                          "Gemini's rate limit was reached; retry shortly.")
                      .forModel(f.quotaModel)),
          new Row(
              "400 FAILED_PRECONDITION",
              f -> f.status == 400 && "FAILED_PRECONDITION".equals(f.rpcStatus),
              f ->
                  new ErrorClassification(
                      ErrorClass.UPSTREAM_ERROR,
                      0,
                      ErrorType.PERMISSION,
                      "Gemini refused to serve the relay: " + f.message("no reason given"))),
          new Row(
              "404 NOT_FOUND",
              f -> f.status == 404,
              f ->
                  new ErrorClassification(
                      ErrorClass.CLIENT_ERROR,
                      0,
                      ErrorType.NOT_FOUND,
                      "Gemini does not know the model or method: " + f.message("not found"))),
          new Row(
              "413 payload too large",
              f -> f.status == 413,
              f ->
                  new ErrorClassification(
                      ErrorClass.CLIENT_ERROR,
                      0,
                      ErrorType.REQUEST_TOO_LARGE,
                      "The request is too large for Gemini.")),
          new Row(
              "other 4xx (INVALID_ARGUMENT...)",
              f -> f.status >= 400 && f.status < 500 && f.status != 408 && f.status != 499,
              f ->
                  new ErrorClassification(
                      ErrorClass.CLIENT_ERROR,
                      0,
                      ErrorType.INVALID_REQUEST,
                      "Gemini rejected the request: " + f.message("HTTP " + f.status))),
          new Row(
              "503 UNAVAILABLE",
              f -> f.status == 503,
              f ->
                  new ErrorClassification(
                      ErrorClass.OVERLOADED,
                      0,
                      ErrorType.OVERLOADED,
                      "Gemini is overloaded; retry shortly.")),
          new Row(
              "504 DEADLINE_EXCEEDED, 408",
              f -> f.status == 504 || f.status == 408,
              f ->
                  new ErrorClassification(
                      ErrorClass.UPSTREAM_ERROR,
                      0,
                      ErrorType.TIMEOUT,
                      "Gemini did not answer in time; retry, or shorten the request.")),
          new Row(
              "500 INTERNAL, 499 CANCELLED and any other status",
              f -> true,
              f ->
                  new ErrorClassification(
                      ErrorClass.UPSTREAM_ERROR,
                      0,
                      ErrorType.API,
                      "Gemini failed ("
                          + (f.rpcStatus == null ? "HTTP " + f.status : f.rpcStatus)
                          + "); retry the request.")));

  private GeminiErrors() {}

  static ErrorClassification classify(UpstreamAnswer answer) {
    Failure failure = Failure.read(answer.status(), body(answer), answer);
    return rowFor(failure).then.apply(failure);
  }

  /** Every row's name, in table order, so a test can check that each has a fixture. */
  static List<String> rowNames() {
    return TABLE.stream().map(Row::name).toList();
  }

  /** The name of the table row an answer falls under, so fixtures show which row they cover. */
  static String rowName(UpstreamAnswer answer) {
    return rowFor(Failure.read(answer.status(), body(answer), answer)).name;
  }

  /** The answer's body, which may not be JSON at all (an HTML error page): missing then. */
  private static JsonNode body(UpstreamAnswer answer) {
    JsonNode body = Json.parseOrNull(answer.body());
    return body == null ? MissingNode.getInstance() : body;
  }

  /** The error a stream sent as a {@code data:} chunk after it had started. */
  static GatewayError midStream(JsonNode error) {
    int status = error.path("code").asInt(500);
    Failure failure = Failure.read(status, error, null);
    return rowFor(failure).then.apply(failure).toGatewayError(status);
  }

  private static Row rowFor(Failure failure) {
    for (Row row : TABLE) {
      if (row.when.test(failure)) {
        return row;
      }
    }
    throw new IllegalStateException("the last row matches every failure");
  }

  private static ErrorClassification keyRefused(String why) {
    // The client's own credentials are fine: api_error tells it so, where authentication_error
    // would make Claude Code ask its user to log in again.
    return new ErrorClassification(
        ErrorClass.KEY_INVALID,
        0,
        ErrorType.API,
        "The relay's Gemini API key was refused (" + why + "); an administrator must replace it.");
  }

  /** The next midnight in Gemini's quota day after {@code epochMillis}. */
  static long nextQuotaDay(long epochMillis) {
    return QuotaDay.next(epochMillis);
  }

  /** What the table reads from one error answer, parsed once. */
  private static final class Failure {
    private final int status;
    private final String rpcStatus;
    private final String upstreamMessage;
    private final Set<String> reasons = new HashSet<>();
    private boolean dailyQuota;

    /**
     * The model a violated quota is counted for ({@code quotaDimensions.model} of a {@code
     * ...PerModel...} quota), or {@code null} when a violated quota binds the whole project: the
     * limit is then the key's, for every model.
     */
    private String quotaModel;

    private boolean projectWideQuota;
    private long retryDelayMillis = -1;
    private long receivedEpochMillis;

    private Failure(int status, JsonNode error) {
      this.status = status;
      this.rpcStatus = Json.nonEmptyText(error, "status");
      this.upstreamMessage = Json.nonEmptyText(error, "message");
    }

    /** Reads {@code {"error": {...}}}, also when wrapped in an array as some endpoints send it. */
    static Failure read(int status, JsonNode body, UpstreamAnswer answer) {
      JsonNode root = body.isArray() ? body.path(0) : body;
      JsonNode error = root.has("error") ? root.path("error") : root;
      Failure failure = new Failure(status, error);
      for (Iterator<JsonNode> it = error.path("details").elements(); it.hasNext(); ) {
        failure.readDetail(it.next());
      }
      if (failure.projectWideQuota) {
        // One violated quota binds every model: resting the key for one model would not do.
        failure.quotaModel = null;
      }
      if (answer != null) {
        failure.receivedEpochMillis = answer.receivedEpochMillis();
        if (failure.retryDelayMillis < 0) {
          failure.retryDelayMillis = retryAfterHeader(answer.header("retry-after"));
        }
      }
      return failure;
    }

    private void readDetail(JsonNode detail) {
      String type = detail.path("@type").asText("");
      if (type.endsWith("google.rpc.ErrorInfo")) {
        String reason = Json.nonEmptyText(detail, "reason");
        if (reason != null) {
          reasons.add(reason);
        }
      } else if (type.endsWith("google.rpc.QuotaFailure")) {
        for (JsonNode violation : detail.path("violations")) {
          // Quota ids name their window and scope:
          // GenerateRequestsPerDayPerProjectPerModel-FreeTier.
          String quotaId = violation.path("quotaId").asText("");
          if (quotaId.contains("PerDay")) {
            dailyQuota = true;
          }
          String model = Json.nonEmptyText(violation.path("quotaDimensions"), "model");
          if (quotaId.contains("PerModel") && model != null && !model.isBlank()) {
            quotaModel = quotaModel == null ? model : quotaModel;
          } else {
            projectWideQuota = true;
          }
        }

      } else if (type.endsWith("google.rpc.RetryInfo")) {
        retryDelayMillis = protoDurationMillis(detail.path("retryDelay").asText(""));
      }
    }

    String rpcStatusOr(String fallback) {
      return rpcStatus == null ? fallback : rpcStatus;
    }

    String keyReason() {
      return reasons.stream().filter(KEY_REASONS::contains).sorted().findFirst().orElse("");
    }

    String message(String fallback) {
      if (upstreamMessage == null) {
        return fallback;
      }
      String oneLine = upstreamMessage.strip();
      return oneLine.length() <= MAX_UPSTREAM_MESSAGE
          ? oneLine
          : oneLine.substring(0, MAX_UPSTREAM_MESSAGE) + "...";
    }
  }

  /** A protobuf JSON duration such as {@code 37s} or {@code 0.5s}, or -1 when unreadable. */
  static long protoDurationMillis(String duration) {
    if (!duration.endsWith("s")) {
      return -1;
    }
    try {
      BigDecimal seconds = new BigDecimal(duration.substring(0, duration.length() - 1));
      return seconds.signum() < 0
          ? -1
          : seconds.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return -1;
    }
  }

  private static long retryAfterHeader(String value) {
    if (value == null) {
      return -1;
    }
    try {
      long seconds = Long.parseLong(value.strip());
      return seconds < 0 ? -1 : seconds * 1000;
    } catch (NumberFormatException e) {
      return -1; // an HTTP date: Gemini does not send one, the default cooldown applies
    }
  }
}
