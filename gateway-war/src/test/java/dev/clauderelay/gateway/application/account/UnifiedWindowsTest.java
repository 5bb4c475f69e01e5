package dev.clauderelay.gateway.application.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnifiedWindowsTest {

  private static final long NOW = 1_765_000_000_000L;

  @Test
  void readsEveryWindowAndTheOverallFieldsAsAnthropicSendsThem() {
    UnifiedWindows report =
        UnifiedWindows.parse(
            headers(
                "anthropic-ratelimit-unified-status", "allowed_warning",
                "anthropic-ratelimit-unified-reset", "1765003600",
                "anthropic-ratelimit-unified-5h-status", "allowed_warning",
                "anthropic-ratelimit-unified-5h-utilization", "0.91",
                "anthropic-ratelimit-unified-5h-reset", "1765003600",
                "anthropic-ratelimit-unified-7d-utilization", "0.4",
                "anthropic-ratelimit-unified-7d-reset", "1765500000",
                "anthropic-ratelimit-unified-representative-claim", "five_hour",
                "anthropic-ratelimit-unified-fallback-percentage", "0.5",
                "Content-Type", "application/json"),
            NOW);
    assertThat(report.status()).isEqualTo("allowed_warning");
    assertThat(report.representativeClaim()).isEqualTo("five_hour");
    assertThat(report.fallbackPercentage()).isEqualTo(0.5);
    assertThat(report.resetMillis()).isEqualTo(1_765_003_600_000L);
    assertThat(report.windows()).containsOnlyKeys("5h", "7d");
    assertThat(report.windows().get("5h").utilization()).isEqualTo(0.91);
    assertThat(report.windows().get("5h").status()).isEqualTo("allowed_warning");
    assertThat(report.pressure(NOW)).isEqualTo(0.91, within(1e-9));
    assertThat(UnifiedWindows.fromJson(report.toJson())).isEqualTo(report);
  }

  @Test
  void unknownHeadersAndBadValuesAreIgnoredAndNumbersBounded() {
    UnifiedWindows report =
        UnifiedWindows.parse(
            headers(
                "anthropic-ratelimit-unified-5h-utilization", "NaN",
                "anthropic-ratelimit-unified-7d-utilization", "250",
                "anthropic-ratelimit-unified-7d-reset", "tomorrow",
                "anthropic-ratelimit-unified-status", "<script>",
                "anthropic-ratelimit-unified-Weird Header!-utilization", "0.3",
                "anthropic-ratelimit-unified-overage-status", "rejected"),
            NOW);
    assertThat(report.status()).isNull();
    assertThat(report.windows().get("7d").utilization()).isEqualTo(1.0);
    assertThat(report.windows().get("7d").resetMillis()).isZero();
    assertThat(report.windows().get("5h").utilization()).isZero();
    assertThat(report.windows()).doesNotContainKey("weird header!");
  }

  @Test
  void atMostEightWindowsAreKept() {
    String[] many = new String[40];
    for (int i = 0; i < 20; i++) {
      many[2 * i] = "anthropic-ratelimit-unified-w" + i + "-utilization";
      many[2 * i + 1] = "0.1";
    }
    assertThat(UnifiedWindows.parse(headers(many), NOW).windows()).hasSize(8);
  }

  @Test
  void aRejectedAccountIsFullUntilItsResetAndAnswersWithoutTheHeadersReportNothing() {
    UnifiedWindows rejected =
        UnifiedWindows.parse(
            headers(
                "anthropic-ratelimit-unified-status",
                "rejected",
                "anthropic-ratelimit-unified-reset",
                Long.toString(NOW / 1000 + 60)),
            NOW);
    assertThat(rejected.pressure(NOW)).isEqualTo(1.0);
    assertThat(rejected.pressure(NOW + 61_000)).isZero();
    assertThat(UnifiedWindows.parse(headers("content-type", "application/json"), NOW)).isNull();
  }

  private static HttpHeaders headers(String... pairs) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], List.of(pairs[i + 1]));
    }
    return HttpHeaders.of(map, (a, b) -> true);
  }
}
