package dev.clauderelay.gateway.application.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Claude subscription's usage windows as Anthropic last reported them, in its {@code
 * anthropic-ratelimit-unified-*} response headers: per window ({@code 5h}, {@code 7d}, {@code
 * 7d_opus}, ...) its utilisation (0..1) and reset, and the overall status, representative claim and
 * fallback percentage. Read leniently: an unknown header or a value that does not parse is ignored,
 * numbers are clamped, at most {@link #MAX_WINDOWS} windows are kept. Immutable.
 *
 * @param status {@code allowed}, {@code allowed_warning}, {@code rejected}, or {@code null}
 * @param resetMillis when the overall limit resets, 0 if not said
 * @param windows by name, sorted
 * @param observedAtMillis when the report arrived
 */
public record UnifiedWindows(
    String status,
    String representativeClaim,
    Double fallbackPercentage,
    long resetMillis,
    Map<String, Window> windows,
    long observedAtMillis) {

  /** One window: used fraction, its reset (0 if not said), its own status if reported. */
  public record Window(double utilization, long resetMillis, String status) {}

  static final int MAX_WINDOWS = 8;
  private static final String PREFIX = "anthropic-ratelimit-unified-";
  private static final Pattern WINDOW_FIELD =
      Pattern.compile("([a-z0-9_]{1,24})-(utilization|reset|status)");
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The report in these headers, or {@code null} when they hold none. */
  public static UnifiedWindows parse(HttpHeaders headers, long nowMillis) {
    String status = null;
    String claim = null;
    Double fallback = null;
    long reset = 0;
    Map<String, double[]> found = new TreeMap<>(); // utilization, reset, present flags
    Map<String, String> windowStatus = new TreeMap<>();
    boolean any = false;
    for (Map.Entry<String, List<String>> header : headers.map().entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!name.startsWith(PREFIX) || header.getValue().isEmpty()) {
        continue;
      }
      String field = name.substring(PREFIX.length());
      String value = header.getValue().get(0).strip();
      switch (field) {
        case "status" -> status = word(value);
        case "representative-claim" -> claim = word(value);
        case "fallback-percentage" -> fallback = fraction(value);
        case "reset" -> reset = epochMillis(value);
        default -> {
          Matcher m = WINDOW_FIELD.matcher(field);
          if (!m.matches()) {
            continue; // unknown: ignored
          }
          String window = m.group(1);
          if (!found.containsKey(window) && found.size() >= MAX_WINDOWS) {
            continue;
          }
          double[] w = found.computeIfAbsent(window, k -> new double[] {0, 0});
          switch (m.group(2)) {
            case "utilization" -> {
              Double u = fraction(value);
              if (u == null) {
                continue;
              }
              w[0] = u;
            }
            case "reset" -> w[1] = epochMillis(value);
            default -> {
              String s = word(value);
              if (s != null) {
                windowStatus.put(window, s);
              }
            }
          }
        }
      }
      any = true;
    }
    if (!any) {
      return null;
    }
    Map<String, Window> windows = new TreeMap<>();
    found.forEach(
        (name, w) -> windows.put(name, new Window(w[0], (long) w[1], windowStatus.get(name))));
    return new UnifiedWindows(
        status, claim, fallback, reset, Collections.unmodifiableMap(windows), nowMillis);
  }

  /**
   * How close the account is to its limits now, 0 (room) to 1 (used up), for choosing among
   * accounts: the fullest window whose reset has not passed; a rejected account whose reset is
   * still ahead counts as full. A report whose windows all reset since counts as room.
   */
  public double pressure(long nowMillis) {
    double fullest = 0;
    for (Window w : windows.values()) {
      if (w.resetMillis() > 0 && w.resetMillis() <= nowMillis) {
        continue; // that window started over
      }
      fullest = Math.max(fullest, w.utilization());
      if ("rejected".equals(w.status())) {
        fullest = 1;
      }
    }
    if ("rejected".equals(status) && (resetMillis == 0 || resetMillis > nowMillis)) {
      fullest = 1;
    }
    return Math.min(1, fullest);
  }

  /** As stored in {@code claude_account.usage_windows}. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("status", status);
    root.put("representativeClaim", representativeClaim);
    if (fallbackPercentage != null) {
      root.put("fallbackPercentage", fallbackPercentage);
    }
    root.put("reset", resetMillis);
    root.put("observedAt", observedAtMillis);
    ObjectNode ws = root.putObject("windows");
    windows.forEach(
        (name, w) -> {
          ObjectNode node = ws.putObject(name);
          node.put("utilization", w.utilization());
          node.put("reset", w.resetMillis());
          if (w.status() != null) {
            node.put("status", w.status());
          }
        });
    return root.toString();
  }

  /** What {@link #toJson} wrote, or {@code null} for nothing or something unreadable. */
  public static UnifiedWindows fromJson(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      JsonNode root = JSON.readTree(json);
      Map<String, Window> windows = new TreeMap<>();
      root.path("windows")
          .fields()
          .forEachRemaining(
              e -> {
                if (windows.size() < MAX_WINDOWS) {
                  windows.put(
                      e.getKey(),
                      new Window(
                          clamp(e.getValue().path("utilization").asDouble(0)),
                          e.getValue().path("reset").asLong(0),
                          e.getValue().path("status").isTextual()
                              ? e.getValue().path("status").asText()
                              : null));
                }
              });
      return new UnifiedWindows(
          root.path("status").isTextual() ? root.path("status").asText() : null,
          root.path("representativeClaim").isTextual()
              ? root.path("representativeClaim").asText()
              : null,
          root.path("fallbackPercentage").isNumber()
              ? clamp(root.path("fallbackPercentage").asDouble())
              : null,
          root.path("reset").asLong(0),
          Collections.unmodifiableMap(windows),
          root.path("observedAt").asLong(0));
    } catch (IOException e) {
      return null;
    }
  }

  private static String word(String value) {
    return WORD.matcher(value).matches() ? value.toLowerCase(Locale.ROOT) : null;
  }

  /** A fraction; a percentage above 1 and up to 100 ("42") is read as 0.42. Bounded 0..1. */
  private static Double fraction(String value) {
    if (value.length() > 24) {
      return null;
    }
    try {
      double d = Double.parseDouble(value);
      if (!Double.isFinite(d)) {
        return null;
      }
      return clamp(d > 1 && d <= 100 ? d / 100 : d);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static double clamp(double d) {
    return Math.max(0, Math.min(1, d));
  }

  /** Epoch seconds (as Anthropic sends) or milliseconds; 0 when unreadable or absurd. */
  private static long epochMillis(String value) {
    if (value.length() > 20) {
      return 0;
    }
    try {
      long n = Long.parseLong(value);
      long millis = n < 100_000_000_000L ? n * 1000 : n;
      return millis > 0 && millis < 32_503_680_000_000L ? millis : 0; // before year 3000
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
