package dev.clauderelay.plugins.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.plugin.api.KeyCandidate;
import dev.clauderelay.plugin.api.SelectionContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LeastUsedKeySelectionTest {

  private final LeastUsedKeySelection strategy = new LeastUsedKeySelection();

  @Test
  void prefersFewestInFlightOverFewestTotal() {
    Candidates keys =
        Candidates.of(
            new KeyCandidate(1, 1, 2, 10, 0), // busy now, little used overall
            new KeyCandidate(2, 1, 0, 900, 0), // idle now, much used overall
            new KeyCandidate(3, 1, 1, 0, 0));

    assertThat(strategy.select(keys, context())).isEqualTo(1);
  }

  @Test
  void breaksInFlightTiesByTotalRequests() {
    Candidates keys =
        Candidates.of(
            new KeyCandidate(1, 1, 1, 50, 0),
            new KeyCandidate(2, 1, 1, 20, 0),
            new KeyCandidate(3, 1, 1, 30, 0));

    assertThat(strategy.select(keys, context())).isEqualTo(1);
  }

  @Test
  void breaksFullTiesByLongestIdle() {
    Candidates keys =
        Candidates.of(
            new KeyCandidate(1, 1, 0, 5, 3_000),
            new KeyCandidate(2, 1, 0, 5, 1_000),
            new KeyCandidate(3, 1, 0, 5, 2_000));

    assertThat(strategy.select(keys, context())).isEqualTo(1);
  }

  private static SelectionContext context() {
    return new SelectionContext(0, new SplittableRandom(1), "m", 10_000);
  }
}
