package dev.clauderelay.plugins.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.plugin.api.KeyCandidate;
import dev.clauderelay.plugin.api.KeyCandidates;
import dev.clauderelay.plugin.api.SelectionContext;
import java.util.HashSet;
import java.util.Set;
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

    assertThat(strategy.select(keys, context(0))).isEqualTo(1);
  }

  @Test
  void breaksInFlightTiesByTotalRequests() {
    Candidates keys =
        Candidates.of(
            new KeyCandidate(1, 1, 1, 50, 0),
            new KeyCandidate(2, 1, 1, 20, 0),
            new KeyCandidate(3, 1, 1, 30, 0));

    assertThat(strategy.select(keys, context(0))).isEqualTo(1);
  }

  @Test
  void breaksFullTiesByLongestIdle() {
    Candidates keys =
        Candidates.of(
            new KeyCandidate(1, 1, 0, 5, 3_000),
            new KeyCandidate(2, 1, 0, 5, 1_000),
            new KeyCandidate(3, 1, 0, 5, 2_000));

    assertThat(strategy.select(keys, context(0))).isEqualTo(1);
  }

  @Test
  void weighsEveryKeyOfAPoolThatFitsOneWindowWhateverTheSequence() {
    Candidates keys =
        Candidates.generate(
            LeastUsedKeySelection.WINDOW, i -> new KeyCandidate(i, 1, i == 41 ? 0 : 1, 0, 0));

    for (long sequence = 0; sequence < 5; sequence++) {
      assertThat(strategy.select(keys, context(sequence))).isEqualTo(41);
    }
  }

  @Test
  void readsOneWindowOfALargePoolPerSelection() {
    Candidates keys = Candidates.generate(10_000, i -> new KeyCandidate(i, 1, 1, i, 0));

    int chosen = strategy.select(keys, context(3));

    assertThat(keys.reads()).isEqualTo(LeastUsedKeySelection.WINDOW);
    assertThat(chosen).isEqualTo(3 * LeastUsedKeySelection.WINDOW);
  }

  @Test
  void movesTheWindowSoThatEveryKeyOfALargePoolIsWeighed() {
    int size = 1_000;
    Candidates keys = Candidates.generate(size, i -> new KeyCandidate(i, 1, 0, 0, 0));
    int windows = (size + LeastUsedKeySelection.WINDOW - 1) / LeastUsedKeySelection.WINDOW;
    Set<Integer> starts = new HashSet<>();
    for (long sequence = 0; sequence < windows; sequence++) {
      starts.add(KeyCandidates.windowStart(size, LeastUsedKeySelection.WINDOW, sequence));
    }

    assertThat(starts).hasSize(windows);
    assertThat(KeyCandidates.windowStart(size, LeastUsedKeySelection.WINDOW, windows)).isZero();
    // The last window wraps around to the first keys: every index lies in some window.
    assertThat(strategy.select(keys, context(windows - 1))).isBetween(0, size - 1);
  }

  private static SelectionContext context(long sequence) {
    return new SelectionContext(sequence, new SplittableRandom(1), "m", 10_000);
  }
}
