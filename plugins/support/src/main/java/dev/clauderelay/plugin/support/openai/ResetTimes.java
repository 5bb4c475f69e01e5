package dev.clauderelay.plugin.support.openai;

import dev.clauderelay.plugin.api.UpstreamAnswer;
import java.time.DateTimeException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a rate-limited or exhausted key may be used again, from the headers OpenAI-compatible
 * upstreams send. Times are computed from the answer's arrival time, never from a clock.
 *
 * <p>Precedence: {@code retry-after-ms}, then {@code retry-after} (seconds or an HTTP date), then
 * OpenAI's {@code x-ratelimit-reset-requests} / {@code -tokens} (Go durations such as {@code 1s},
 * {@code 6m0s}, {@code 250ms}; the one whose {@code x-ratelimit-remaining-*} is 0, else the later
 * of both), then OpenRouter's {@code x-ratelimit-reset} (epoch milliseconds).
 */
final class ResetTimes {

  private static final Pattern GO_DURATION =
      Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ns|us|µs|ms|h|m|s))+");
  private static final Pattern GO_DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|h|m|s)");
  private static final Pattern DECIMAL = Pattern.compile("\\d+(?:\\.\\d+)?");

  /** Epoch values above this are milliseconds, not seconds (it is 2001 in milliseconds). */
  private static final long EPOCH_MILLIS_THRESHOLD = 1_000_000_000_000L;

  private ResetTimes() {}

  /** The epoch millisecond the key becomes usable again, or 0 when the headers do not say. */
  static long until(UpstreamAnswer answer) {
    long now = answer.receivedEpochMillis();
    long delay = delayMillis(answer.header("retry-after-ms"), 1);
    if (delay >= 0) {
      return now + delay;
    }
    String retryAfter = answer.header("retry-after");
    delay = delayMillis(retryAfter, 1000);
    if (delay >= 0) {
      return now + delay;
    }
    long date = httpDate(retryAfter);
    if (date >= 0) {
      return Math.max(now, date);
    }
    delay = rateLimitResetMillis(answer);
    if (delay >= 0) {
      return now + delay;
    }
    long reset = delayMillis(answer.header("x-ratelimit-reset"), 1);
    if (reset > 0) {
      return Math.max(now, reset < EPOCH_MILLIS_THRESHOLD ? reset * 1000 : reset);
    }
    return 0;
  }

  private static long rateLimitResetMillis(UpstreamAnswer answer) {
    long requests = goDurationMillis(answer.header("x-ratelimit-reset-requests"));
    long tokens = goDurationMillis(answer.header("x-ratelimit-reset-tokens"));
    boolean requestsExhausted = "0".equals(answer.header("x-ratelimit-remaining-requests"));
    boolean tokensExhausted = "0".equals(answer.header("x-ratelimit-remaining-tokens"));
    if (requestsExhausted && !tokensExhausted && requests >= 0) {
      return requests;
    }
    if (tokensExhausted && !requestsExhausted && tokens >= 0) {
      return tokens;
    }
    return Math.max(requests, tokens);
  }

  /** A plain decimal number times {@code unitMillis}, or -1. */
  private static long delayMillis(String value, long unitMillis) {
    if (value == null || !DECIMAL.matcher(value.strip()).matches()) {
      return -1;
    }
    return (long) Math.ceil(Double.parseDouble(value.strip()) * unitMillis);
  }

  /** A Go duration ({@code 6m0s}) or plain seconds, in milliseconds, or -1. */
  static long goDurationMillis(String value) {
    if (value == null) {
      return -1;
    }
    String text = value.strip();
    if (DECIMAL.matcher(text).matches()) {
      return delayMillis(text, 1000);
    }
    if (!GO_DURATION.matcher(text).matches()) {
      return -1;
    }
    double millis = 0;
    Matcher part = GO_DURATION_PART.matcher(text);
    while (part.find()) {
      double amount = Double.parseDouble(part.group(1));
      millis +=
          switch (part.group(2)) {
            case "h" -> amount * 3_600_000;
            case "m" -> amount * 60_000;
            case "s" -> amount * 1_000;
            case "ms" -> amount;
            case "us", "µs" -> amount / 1_000;
            default -> amount / 1_000_000;
          };
    }
    return (long) Math.ceil(millis);
  }

  private static long httpDate(String value) {
    if (value == null) {
      return -1;
    }
    try {
      return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant()
          .toEpochMilli();
    } catch (DateTimeException e) {
      return -1;
    }
  }
}
