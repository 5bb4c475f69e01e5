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
}
