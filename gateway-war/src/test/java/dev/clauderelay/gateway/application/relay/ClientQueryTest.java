package dev.clauderelay.gateway.application.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import java.net.URI;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClientQueryTest {

  @Test
  void acceptsWellFormedQueries() {
    for (String query :
        new String[] {null, "", "beta=true", "a=b&c=%2F%e2%82%ac", "x=(1)!*'~,;:@/?$+"}) {
      assertThatCode(() -> ClientQuery.requireWellFormed(query))
          .as(query)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void refusesMalformedEscapesAndIllegalCharactersNamingTheFirst() {
    assertRefused("a=%zz", "'%' at position 3");
    assertRefused("a=%2", "'%' at position 3");
    assertRefused("a=%", "'%' at position 3");
    assertRefused("a={b}", "'{' at position 3 must be percent-encoded (as %7B)");
    assertRefused("a=|", "'|' at position 3");
    assertRefused("a=\"x\"", "'\"' at position 3");
    assertRefused("a=<>", "'<' at position 3");
    assertRefused("a=b c", "A space at position 4 must be percent-encoded (as %20)");
    assertRefused("a=\u00e9", "A non-ASCII character at position 3");
    assertRefused("a=#", "'#' at position 3");
  }

  @Test
  void everyQueryItAcceptsMakesAValidUpstreamUri() {
    Random random = new Random(7);
    int accepted = 0;
    for (int trial = 0; trial < 20_000; trial++) {
      StringBuilder query = new StringBuilder();
      for (int i = random.nextInt(8); i > 0; i--) {
        query.append(
            (char) (random.nextInt(10) == 0 ? random.nextInt(256) : 32 + random.nextInt(95)));
      }
      try {
        ClientQuery.requireWellFormed(query.toString());
      } catch (GatewayError refused) {
        continue;
      }
      accepted++;
      URI uri = URI.create("https://api.anthropic.com/v1/messages?" + query);
      assertThat(uri.getRawQuery()).isEqualTo(query.toString());
    }
    assertThat(accepted).as("the property was exercised").isGreaterThan(1000);
  }

  private static void assertRefused(String query, String message) {
    assertThatThrownBy(() -> ClientQuery.requireWellFormed(query))
        .as(query)
        .isInstanceOfSatisfying(
            GatewayError.class, e -> assertThat(e.type()).isEqualTo(ErrorType.INVALID_REQUEST))
        .hasMessageContaining(message);
  }
}
