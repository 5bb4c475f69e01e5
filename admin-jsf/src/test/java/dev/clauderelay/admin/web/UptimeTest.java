package dev.clauderelay.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UptimeTest {

  @Test
  void showsTheTwoLargestUnits() {
    assertThat(Uptime.of(3 * 86_400 + 4 * 3_600 + 59))
        .isEqualTo(new Uptime("uptime.days", List.of(3L, 4L)));
    assertThat(Uptime.of(2 * 3_600 + 5 * 60 + 7))
        .isEqualTo(new Uptime("uptime.hours", List.of(2L, 5L)));
    assertThat(Uptime.of(61)).isEqualTo(new Uptime("uptime.minutes", List.of(1L)));
    assertThat(Uptime.of(12)).isEqualTo(new Uptime("uptime.seconds", List.of(12L)));
  }

  @Test
  void negativeUptimeIsZeroSeconds() {
    assertThat(Uptime.of(-5)).isEqualTo(new Uptime("uptime.seconds", List.of(0L)));
  }
}
