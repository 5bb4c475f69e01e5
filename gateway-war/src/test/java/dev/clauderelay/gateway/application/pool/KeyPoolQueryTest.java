package dev.clauderelay.gateway.application.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clauderelay.gateway.application.admin.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The paging parameters of the key lists: defaults, and 400s naming the parameter. */
class KeyPoolQueryTest {

  @Test
  void defaultsToTheFirstFiftyKeysById() {
    KeyPoolService.ListQuery query = KeyPoolService.listQuery(null, null, null, " ", null);

    assertThat(query.offset()).isZero();
    assertThat(query.limit()).isEqualTo(50);
    assertThat(query.states()).isEmpty();
    assertThat(query.q()).isNull();
    assertThat(query.sort()).isEqualTo("id");
  }

  @Test
  void acceptsSeveralStatesAndADescendingSort() {
    KeyPoolService.ListQuery query =
        KeyPoolService.listQuery(
            10, 1000, "invalid, Cooling_Down,limited_for_a_model", "x", "-lastUsed");

    assertThat(query.states()).containsExactly("invalid", "cooling_down", "limited_for_a_model");
    assertThat(query.sort()).isEqualTo("-lastUsed");
  }

  @Test
  void namesTheParameterThatIsWrong() {
    assertThatThrownBy(() -> KeyPoolService.listQuery(-1, null, null, null, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("offset:");
    assertThatThrownBy(() -> KeyPoolService.listQuery(0, 1001, null, null, null))
        .hasMessageStartingWith("limit:");
    assertThatThrownBy(() -> KeyPoolService.listQuery(0, 5, "asleep", null, null))
        .hasMessageStartingWith("status:")
        .hasMessageContaining("asleep");
    assertThatThrownBy(() -> KeyPoolService.listQuery(0, 5, null, null, "-colour"))
        .hasMessageStartingWith("sort:")
        .hasMessageContaining("colour");
  }

  @Test
  void checksKeySettingsNamingTheField() {
    assertThatThrownBy(() -> KeyPoolService.checkSettings("keys[3].", null, 0, null, null))
        .hasMessageStartingWith("keys[3].weight:");
    assertThatThrownBy(() -> KeyPoolService.checkSettings("", null, null, -1, null))
        .hasMessageStartingWith("rpmLimit:");
    assertThatThrownBy(() -> KeyPoolService.checkSettings("", "x".repeat(201), null, null, null))
        .hasMessageStartingWith("label:");
  }
}
