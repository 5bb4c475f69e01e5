package dev.clauderelay.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthSeverityTest {

  @Test
  void relayStatusesHaveTrafficLightColours() {
    assertThat(HealthSeverity.ofRelay("ok")).isEqualTo("success");
    assertThat(HealthSeverity.ofRelay("degraded")).isEqualTo("warning");
    assertThat(HealthSeverity.ofRelay("stopping")).isEqualTo("warning");
    assertThat(HealthSeverity.ofRelay("down")).isEqualTo("danger");
  }

  @Test
  void unknownStatusIsNeutralNotGreen() {
    assertThat(HealthSeverity.ofRelay("maintenance")).isEqualTo("info");
    assertThat(HealthSeverity.ofRelay(null)).isEqualTo("info");
    assertThat(HealthSeverity.ofDatabase(null)).isEqualTo("info");
  }

  @Test
  void databaseDownIsRed() {
    assertThat(HealthSeverity.ofDatabase("up")).isEqualTo("success");
    assertThat(HealthSeverity.ofDatabase("down")).isEqualTo("danger");
  }
}
