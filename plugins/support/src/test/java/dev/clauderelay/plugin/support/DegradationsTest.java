package dev.clauderelay.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DegradationsTest {

  @Test
  void reportsEachSentenceOnceInTheOrderFirstMet() {
    List<String> reported = new ArrayList<>();
    Degradations degradations = new Degradations(reported::add);

    degradations.report("cache_control was dropped.");
    degradations.report("top_k was dropped.");
    degradations.report("cache_control was dropped.");

    assertThat(reported).containsExactly("cache_control was dropped.", "top_k was dropped.");
  }

  @Test
  void discardsReportsWithoutASink() {
    new Degradations(null).report("nobody listens");
  }
}
