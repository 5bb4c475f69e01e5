package dev.clauderelay.plugin.support.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.plugin.api.UpstreamAnswer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResetTimesTest {

  @Test
  void readsOpenAisGoDurations() {
    assertThat(ResetTimes.goDurationMillis("1s")).isEqualTo(1_000);
    assertThat(ResetTimes.goDurationMillis("6m0s")).isEqualTo(360_000);
    assertThat(ResetTimes.goDurationMillis("1h2m3.5s")).isEqualTo(3_723_500);
    assertThat(ResetTimes.goDurationMillis("20ms")).isEqualTo(20);
    assertThat(ResetTimes.goDurationMillis("0.5s")).isEqualTo(500);
    assertThat(ResetTimes.goDurationMillis("1.5")).isEqualTo(1_500);
    assertThat(ResetTimes.goDurationMillis("soon")).isEqualTo(-1);
    assertThat(ResetTimes.goDurationMillis(null)).isEqualTo(-1);
  }

  @Test
  void saysNothingWhenTheHeadersSayNothing() {
    assertThat(ResetTimes.until(answer(Map.of()))).isZero();
    assertThat(ResetTimes.until(answer(Map.of("retry-after", List.of("whenever"))))).isZero();
  }

  @Test
  void neverReturnsATimeBeforeTheAnswerArrived() {
    long until =
        ResetTimes.until(answer(Map.of("retry-after", List.of("Thu, 01 Jan 1970 00:00:00 GMT"))));

    assertThat(until).isEqualTo(1_000_000L);
  }

  private static UpstreamAnswer answer(Map<String, List<String>> headers) {
    return new UpstreamAnswer(429, headers, new byte[0], 1_000_000L);
  }
}
