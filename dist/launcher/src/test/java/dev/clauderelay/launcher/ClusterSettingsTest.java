package dev.clauderelay.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

  private static final Map<String, String> CLUSTER =
      Map.of(
          "RELAY_CLUSTER", "true",
          "RELAY_CLUSTER_MEMBERS", "10.0.0.5:6900, 10.0.0.6:6900",
          "RELAY_CLUSTER_PASSWORD", "a-long-cluster-secret");

  @Test
  void offByDefault() {
    assertThat(ClusterSettings.from(Map.<String, String>of()::get, "0.0.0.0")).isEmpty();
    assertThat(ClusterSettings.from(Map.of("RELAY_CLUSTER", "false")::get, "0.0.0.0")).isEmpty();
  }

  @Test
  void membersByListNeverMulticastOnTheirOwnPortWithANameDerivedFromThePassword() {
    ClusterSettings settings = ClusterSettings.from(CLUSTER::get, "10.0.0.5").orElseThrow();
    assertThat(settings.payaraArguments())
        .containsSequence("--clustermode", "tcpip:10.0.0.5:6900,10.0.0.6:6900")
        .containsSequence("--startport", "6900")
        .containsSequence("--interfaces", "10.0.0.5")
        .contains("--nohostaware");
    assertThat(String.join(" ", settings.payaraArguments()))
        .as("the password never appears as it is")
        .doesNotContain("a-long-cluster-secret");
    assertThat(settings.gridName())
        .startsWith("claude-relay-")
        .isNotEqualTo(ClusterSettings.gridName("claude-relay", "another-long-secret"));
  }

  @Test
  void aMissingOrWeakPasswordOrNoMembersStopTheStartWithTheSettingsName() {
    assertThatThrownBy(
            () ->
                ClusterSettings.from(
                    Map.of("RELAY_CLUSTER", "true", "RELAY_CLUSTER_MEMBERS", "a:1")::get,
                    "0.0.0.0"))
        .hasMessageContaining("RELAY_CLUSTER_PASSWORD");
    assertThatThrownBy(
            () ->
                ClusterSettings.from(
                    Map.of(
                            "RELAY_CLUSTER", "true",
                            "RELAY_CLUSTER_MEMBERS", "a:1",
                            "RELAY_CLUSTER_PASSWORD", "short")
                        ::get,
                    "0.0.0.0"))
        .hasMessageContaining("at least 12");
    assertThatThrownBy(
            () ->
                ClusterSettings.from(
                    Map.of("RELAY_CLUSTER", "true", "RELAY_CLUSTER_PASSWORD", "a-long-secret-1")
                        ::get,
                    "0.0.0.0"))
        .hasMessageContaining("RELAY_CLUSTER_MEMBERS");
    assertThatThrownBy(
            () ->
                ClusterSettings.from(
                    Map.of(
                            "RELAY_CLUSTER", "true",
                            "RELAY_CLUSTER_MEMBERS", "host-without-port",
                            "RELAY_CLUSTER_PASSWORD", "a-long-secret-1")
                        ::get,
                    "0.0.0.0"))
        .hasMessageContaining("host-without-port");
  }
}
