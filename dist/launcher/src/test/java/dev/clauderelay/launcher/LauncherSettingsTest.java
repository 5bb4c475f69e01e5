package dev.clauderelay.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherSettingsTest {

  @Test
  void aStopWaitsTwentyFiveSecondsForTheRequestsInFlightUnlessToldOtherwise() {
    assertThat(LauncherSettings.from(Map.<String, String>of()::get).stopGrace())
        .isEqualTo(Duration.ofSeconds(25));
    assertThat(LauncherSettings.from(Map.of("RELAY_STOP_GRACE_SECONDS", " 0 ")::get).stopGrace())
        .isZero();
    assertThat(LauncherSettings.from(Map.of("RELAY_STOP_GRACE_SECONDS", "90")::get).stopGrace())
        .isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void aStopGraceThatIsNoNumberOfSecondsStopsTheStartNamingIt() {
    for (String bad : new String[] {"-1", "3601", "25s", "soon"}) {
      assertThatThrownBy(() -> LauncherSettings.from(Map.of("RELAY_STOP_GRACE_SECONDS", bad)::get))
          .isInstanceOf(LaunchException.class)
          .hasMessageContaining("RELAY_STOP_GRACE_SECONDS")
          .hasMessageContaining("'" + bad + "'");
    }
  }
}
