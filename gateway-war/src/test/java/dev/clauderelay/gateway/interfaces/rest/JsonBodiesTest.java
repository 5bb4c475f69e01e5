package dev.clauderelay.gateway.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clauderelay.plugin.api.GatewayError;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

  @Test
  void refusesABodyNestedThousandsDeepWithoutParsingIt() {
    String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
    assertThatThrownBy(() -> JsonBodies.object(deep))
        .isInstanceOf(GatewayError.class)
        .hasMessageContaining("deeper than 32");
  }

  @Test
  void countsNestingOutsideStringsOnly() {
    assertThat(JsonBodies.nestingDepth("{\"p\":\"{{{[[[\\\"{{\",\"q\":[{}]}")).isEqualTo(3);
    assertThat(JsonBodies.object("{\"username\":\"a{[\",\"password\":\"b\"}").getString("username"))
        .isEqualTo("a{[");
  }
}
