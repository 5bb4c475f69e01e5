package dev.clauderelay.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToolUseIdsTest {

  @Test
  void derivesAnIdFromTheMessageIdAndTheCallsPosition() {
    assertThat(ToolUseIds.synthetic("msg_01abc", 2)).isEqualTo("toolu_01abc_2");
    assertThat(ToolUseIds.synthetic("req-7", 0)).isEqualTo("toolu_req-7_0");
  }
}
