package dev.clauderelay.gateway.application.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clauderelay.admin.api.PriceRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricesFileTest {

  @Test
  void readsTheDocumentedShapeAndABareArray() {
    List<PriceRequest> prices =
        PricesFileLoader.parse(
            bytes(
                "{\"prices\":[{\"model\":\"claude-sonnet-4*\",\"inputPerMtok\":3,"
                    + "\"outputPerMtok\":15,\"cacheWritePerMtok\":3.75,\"cacheReadPerMtok\":0.3,"
                    + "\"currency\":\"USD\",\"note\":\"list price\"}]}"));
    assertThat(prices).hasSize(1);
    assertThat(prices.get(0).model()).isEqualTo("claude-sonnet-4*");
    assertThat(prices.get(0).cacheReadPerMtok()).isEqualByComparingTo("0.3");
    assertThat(
            PricesFileLoader.parse(
                bytes("[{\"model\":\"my-model\",\"inputPerMtok\":1,\"outputPerMtok\":2}]")))
        .hasSize(1);
  }

  @Test
  void aTypoOrAWrongShapeIsNamedNotIgnored() {
    assertThatThrownBy(
            () ->
                PricesFileLoader.parse(
                    bytes("{\"prices\":[{\"model\":\"m\",\"inputPerMTok\":1}]}")))
        .hasMessageContaining("prices[0]")
        .hasMessageContaining("inputPerMTok");
    assertThatThrownBy(() -> PricesFileLoader.parse(bytes("{\"price\":[]}")))
        .hasMessageContaining("expected {\"prices\": [...]}");
    assertThatThrownBy(() -> PricesFileLoader.parse(bytes("not json")))
        .hasMessageContaining("not JSON");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
