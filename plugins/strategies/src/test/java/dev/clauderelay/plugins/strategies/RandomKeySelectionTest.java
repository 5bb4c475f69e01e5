package dev.clauderelay.plugins.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clauderelay.plugin.api.KeyCandidate;
import dev.clauderelay.plugin.api.SelectionContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomKeySelectionTest {

  private final RandomKeySelection strategy = new RandomKeySelection();

  @Test
  void sharesTrafficInProportionToWeight() {
    Candidates keys =
        Candidates.of(new KeyCandidate(1, 1, 0, 0, 0), new KeyCandidate(2, 3, 0, 0, 0));
    SplittableRandom random = new SplittableRandom(42);
    int[] counts = new int[2];
    int draws = 40_000;
    for (int i = 0; i < draws; i++) {
      counts[strategy.select(keys, new SelectionContext(i, random, "m", 0))]++;
    }

    assertThat(counts[1] / (double) draws).isCloseTo(0.75, within(0.02));
  }

  @Test
  void isReproducibleForTheSameSeed() {
    Candidates keys = Candidates.of(Candidates.idle(1), Candidates.idle(2), Candidates.idle(3));
    SplittableRandom first = new SplittableRandom(7);
    SplittableRandom second = new SplittableRandom(7);
    for (int i = 0; i < 100; i++) {
      assertThat(strategy.select(keys, new SelectionContext(i, first, "m", 0)))
          .isEqualTo(strategy.select(keys, new SelectionContext(i, second, "m", 0)));
    }
  }

  @Test
  void eventuallyPicksEveryKey() {
    Candidates keys = Candidates.of(Candidates.idle(1), Candidates.idle(2), Candidates.idle(3));
    SplittableRandom random = new SplittableRandom(3);
    boolean[] seen = new boolean[3];
    for (int i = 0; i < 300; i++) {
      seen[strategy.select(keys, new SelectionContext(i, random, "m", 0))] = true;
    }

    assertThat(seen).containsOnly(true);
  }
}
