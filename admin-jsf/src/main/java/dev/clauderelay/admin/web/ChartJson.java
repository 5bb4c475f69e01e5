package dev.clauderelay.admin.web;

import dev.clauderelay.admin.relay.UsageSeries;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Chart.js configurations as JSON strings, for PrimeFaces 15's {@code p:chart} (which has no chart
 * models): hourly series as lines or bars, and counts as a doughnut.
 */
final class ChartJson {

  /** One line of a series chart: its label, colour and what it counts in an hour. */
  record Line(String label, String colour, ToLongFunction<UsageSeries.Hour> value) {}

  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("MM-dd HH:00", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ChartJson() {}

  static String lines(UsageSeries series, List<Line> lines) {
    return series(series, lines, "line", false);
  }

  static String stackedBars(UsageSeries series, List<Line> lines) {
    return series(series, lines, "bar", true);
  }

  private static String series(UsageSeries series, List<Line> lines, String type, boolean stacked) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    for (UsageSeries.Hour hour : series.hours()) {
      labels.add(hour.start() == null ? "" : HOUR.format(hour.start()));
    }
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    for (Line line : lines) {
      JsonArrayBuilder data = Json.createArrayBuilder();
      for (UsageSeries.Hour hour : series.hours()) {
        data.add(line.value().applyAsLong(hour));
      }
      datasets.add(
          Json.createObjectBuilder()
              .add("label", line.label())
              .add("data", data)
              .add("borderColor", line.colour())
              .add("backgroundColor", line.colour())
              .add("tension", 0)
              .add("pointRadius", 1.5)
              .add("borderWidth", 2));
    }
    JsonObjectBuilder axis =
        Json.createObjectBuilder()
            .add("beginAtZero", true)
            .add("stacked", stacked)
            .add("ticks", Json.createObjectBuilder().add("precision", 0));
    return Json.createObjectBuilder()
        .add("type", type)
        .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add("options", options(axis, stacked))
        .build()
        .toString();
  }

  private static JsonObjectBuilder options(JsonObjectBuilder yAxis, boolean stacked) {
    return Json.createObjectBuilder()
        .add("responsive", true)
        .add("maintainAspectRatio", false)
        .add("animation", false)
        .add("interaction", Json.createObjectBuilder().add("mode", "index").add("intersect", false))
        .add(
            "plugins",
            Json.createObjectBuilder()
                .add("legend", Json.createObjectBuilder().add("position", "bottom")))
        .add(
            "scales",
            Json.createObjectBuilder()
                .add(
                    "x",
                    Json.createObjectBuilder()
                        .add("stacked", stacked)
                        .add(
                            "ticks",
                            Json.createObjectBuilder()
                                .add("maxTicksLimit", 8)
                                .add("maxRotation", 0)))
                .add("y", yAxis));
  }

  /** A doughnut of counts, e.g. keys by state; labels and colours in the map's order. */
  static String doughnut(Map<String, Long> counts, Map<String, String> colours) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder data = Json.createArrayBuilder();
    JsonArrayBuilder background = Json.createArrayBuilder();
    counts.forEach(
        (label, count) -> {
          labels.add(label);
          data.add(count);
          background.add(colours.getOrDefault(label, "#adb5bd"));
        });
    return Json.createObjectBuilder()
        .add("type", "doughnut")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("data", data)
                                .add("backgroundColor", background))))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add(
                    "plugins",
                    Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("position", "right"))))
        .build()
        .toString();
  }

  /** Colours of cost series, in order; "other" is grey. */
  private static final List<String> PALETTE =
      List.of(
          "#42a5f5", "#ab47bc", "#66bb6a", "#ffa726", "#ef5350", "#26c6da", "#8d6e63", "#ec407a",
          "#9ccc65", "#5c6bc0");

  /** Cost per hour as stacked bars, one dataset per provider, model or client key. */
  static String costBars(dev.clauderelay.admin.api.CostReport report) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    for (java.time.Instant start : report.hourStarts()) {
      labels.add(start == null ? "" : HOUR.format(start));
    }
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    int index = 0;
    for (dev.clauderelay.admin.api.CostReport.Series series : report.series()) {
      String colour =
          "other".equals(series.name()) ? "#adb5bd" : PALETTE.get(index++ % PALETTE.size());
      JsonArrayBuilder data = Json.createArrayBuilder();
      for (java.math.BigDecimal cost : series.cost()) {
        data.add(cost);
      }
      datasets.add(
          Json.createObjectBuilder()
              .add("label", series.name())
              .add("data", data)
              .add("borderColor", colour)
              .add("backgroundColor", colour));
    }
    JsonObjectBuilder axis =
        Json.createObjectBuilder().add("beginAtZero", true).add("stacked", true);
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add("options", options(axis, true))
        .build()
        .toString();
  }

  /**
   * Claude accounts' usage windows as grouped bars: one group per account, one bar per window
   * ({@code 5h}, {@code 7d}, ...), in percent of the window used.
   */
  static String windowBars(Map<String, Map<String, Integer>> percentByAccount) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    java.util.Set<String> windows = new java.util.TreeSet<>();
    percentByAccount.forEach(
        (account, byWindow) -> {
          labels.add(account);
          windows.addAll(byWindow.keySet());
        });
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    int index = 0;
    for (String window : windows) {
      JsonArrayBuilder data = Json.createArrayBuilder();
      for (Map<String, Integer> byWindow : percentByAccount.values()) {
        data.add(byWindow.getOrDefault(window, 0));
      }
      String colour = PALETTE.get(index++ % PALETTE.size());
      datasets.add(
          Json.createObjectBuilder()
              .add("label", window)
              .add("data", data)
              .add("borderColor", colour)
              .add("backgroundColor", colour));
    }
    JsonObjectBuilder axis =
        Json.createObjectBuilder()
            .add("beginAtZero", true)
            .add("max", 100)
            .add("stacked", false)
            .add("ticks", Json.createObjectBuilder().add("precision", 0));
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add("options", options(axis, false))
        .build()
        .toString();
  }
}
