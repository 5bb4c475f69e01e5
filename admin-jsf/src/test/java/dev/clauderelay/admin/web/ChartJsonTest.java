package dev.clauderelay.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.admin.api.CostReport;
import dev.clauderelay.admin.relay.UsageSeries;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartJsonTest {

  private static final UsageSeries TWO_HOURS =
      new UsageSeries(
          List.of(
              new UsageSeries.Hour(Instant.parse("2026-11-26T15:00:00Z"), 3, 2, 1, 0, 10, 5),
              new UsageSeries.Hour(Instant.parse("2026-11-26T16:00:00Z"), 1, 1, 0, 0, 1, 1)));

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void aSeriesBecomesOneLabelPerHourAndOneDatasetPerLine() {
    JsonObject chart =
        parse(
            ChartJson.lines(
                TWO_HOURS,
                List.of(
                    new ChartJson.Line("Requests", "#00f", UsageSeries.Hour::requests),
                    new ChartJson.Line("Errors", "#f00", UsageSeries.Hour::errors))));

    assertThat(chart.getString("type")).isEqualTo("line");
    assertThat(chart.getJsonObject("data").getJsonArray("labels").getString(0))
        .isEqualTo("11-26 15:00");
    assertThat(chart.getJsonObject("data").getJsonArray("datasets")).hasSize(2);
    assertThat(
            chart
                .getJsonObject("data")
                .getJsonArray("datasets")
                .getJsonObject(1)
                .getJsonArray("data")
                .getJsonNumber(0)
                .longValue())
        .isEqualTo(1);
  }

  @Test
  void costBarsStackOneDatasetPerSeriesWithExactAmountsAndOtherInGrey() {
    CostReport report =
        new CostReport(
            2,
            "provider",
            List.of(Instant.parse("2026-11-26T15:00:00Z"), Instant.parse("2026-11-26T16:00:00Z")),
            List.of(
                new CostReport.Series(
                    "anthropic",
                    List.of(new BigDecimal("0.015300"), new BigDecimal("1.000000")),
                    new BigDecimal("1.015300")),
                new CostReport.Series(
                    "other",
                    List.of(new BigDecimal("0.000001"), BigDecimal.ZERO),
                    new BigDecimal("0.000001"))),
            new BigDecimal("1.015301"),
            3);
    JsonObject chart = parse(ChartJson.costBars(report));
    assertThat(chart.getString("type")).isEqualTo("bar");
    var datasets = chart.getJsonObject("data").getJsonArray("datasets");
    assertThat(datasets).hasSize(2);
    assertThat(datasets.getJsonObject(0).getJsonArray("data").getJsonNumber(0).bigDecimalValue())
        .isEqualByComparingTo("0.0153");
    assertThat(datasets.getJsonObject(1).getString("backgroundColor")).isEqualTo("#adb5bd");
    assertThat(
            chart
                .getJsonObject("options")
                .getJsonObject("scales")
                .getJsonObject("y")
                .getBoolean("stacked"))
        .isTrue();
  }

  @Test
  void windowBarsGroupEachAccountsWindowsInPercent() {
    Map<String, Map<String, Integer>> accounts = new LinkedHashMap<>();
    accounts.put("team-a", Map.of("5h", 92, "7d", 40));
    accounts.put("team-b", Map.of("5h", 10));
    JsonObject chart = parse(ChartJson.windowBars(accounts));
    var datasets = chart.getJsonObject("data").getJsonArray("datasets");
    assertThat(chart.getJsonObject("data").getJsonArray("labels").getString(1)).isEqualTo("team-b");
    assertThat(datasets.getJsonObject(0).getString("label")).isEqualTo("5h");
    assertThat(datasets.getJsonObject(1).getJsonArray("data").getInt(1)).isZero();
    assertThat(
            chart.getJsonObject("options").getJsonObject("scales").getJsonObject("y").getInt("max"))
        .isEqualTo(100);
  }

  @Test
  void labelsWithQuotesStayValidJson() {
    String json =
        ChartJson.stackedBars(
            TWO_HOURS, List.of(new ChartJson.Line("a \"b\" </script>", "#000", h -> 0)));

    assertThat(
            parse(json)
                .getJsonObject("options")
                .getJsonObject("scales")
                .getJsonObject("y")
                .getBoolean("stacked"))
        .isTrue();
  }

  @Test
  void aDoughnutKeepsTheOrderAndColoursOfItsStates() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("Active", 9_998L);
    counts.put("Disabled", 2L);

    JsonObject chart = parse(ChartJson.doughnut(counts, Map.of("Disabled", "#999")));

    JsonObject dataset = chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0);
    assertThat(chart.getJsonObject("data").getJsonArray("labels").getString(1))
        .isEqualTo("Disabled");
    assertThat(dataset.getJsonArray("backgroundColor").getString(1)).isEqualTo("#999");
    assertThat(dataset.getJsonArray("backgroundColor").getString(0)).isEqualTo("#adb5bd");
  }

  @Test
  void formatWritesUtcMinutesAndWholePercents() {
    ConsoleFormat format = new ConsoleFormat();

    assertThat(format.time(Instant.parse("2026-11-26T15:53:27Z")))
        .isEqualTo("2026-11-26 15:53 UTC");
    assertThat(format.time(null)).isEmpty();
    assertThat(format.percent(0.987)).isEqualTo("99 %");
    assertThat(format.percent(null)).isEmpty();
    assertThat(format.severity("cooling_down")).isEqualTo("warning");
    assertThat(format.severity("something-new")).isEqualTo("secondary");
  }
}
