package dev.clauderelay.gateway.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

  @Test
  void ignoresForwardedForFromAnyoneNotBelieved() {
    assertThat(ClientAddress.of("127.0.0.1", "203.0.113.9", false)).isEqualTo("127.0.0.1");
  }

  @Test
  void takesTheEntryTheBelievedProxyAdded() {
    assertThat(ClientAddress.of("10.0.0.2", "6.6.6.6, 203.0.113.9", true)).isEqualTo("203.0.113.9");
  }

  @Test
  void keepsThePeerWhenTheForwardedEntryIsEmptyOrAbsurd() {
    assertThat(ClientAddress.of("10.0.0.2", "6.6.6.6,", true)).isEqualTo("10.0.0.2");
    assertThat(ClientAddress.of("10.0.0.2", "x".repeat(500), true)).isEqualTo("10.0.0.2");
  }
}
