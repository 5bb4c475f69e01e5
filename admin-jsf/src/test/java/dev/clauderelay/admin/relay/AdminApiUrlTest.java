package dev.clauderelay.admin.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminApiUrlTest {

  @Test
  void withNothingConfiguredTheGatewayIsOnLoopbackPort8080() {
    assertThat(AdminApiUrl.resolve(Optional.empty(), Optional.empty()))
        .hasToString("http://127.0.0.1:8080");
  }

  @Test
  void relayPortMovesTheDefault() {
    assertThat(AdminApiUrl.resolve(Optional.empty(), Optional.of("18181")))
        .hasToString("http://127.0.0.1:18181");
  }

  @Test
  void configuredUrlWinsOverThePortAndLosesItsTrailingSlash() {
    assertThat(AdminApiUrl.resolve(Optional.of(" http://relay.internal:9000/ "), Optional.of("1")))
        .hasToString("http://relay.internal:9000");
  }

  @Test
  void blankUrlCountsAsUnset() {
    assertThat(AdminApiUrl.resolve(Optional.of("  "), Optional.of("8181")))
        .hasToString("http://127.0.0.1:8181");
  }

  @Test
  void malformedSettingsAreNamedInTheError() {
    assertThatThrownBy(() -> AdminApiUrl.resolve(Optional.of("relay:8080"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RELAY_ADMIN_API_URL");
    assertThatThrownBy(() -> AdminApiUrl.resolve(Optional.empty(), Optional.of("eighty")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RELAY_PORT")
        .hasMessageContaining("eighty");
    assertThatThrownBy(() -> AdminApiUrl.resolve(Optional.empty(), Optional.of("70000")))
        .hasMessageContaining("RELAY_PORT");
  }
}
