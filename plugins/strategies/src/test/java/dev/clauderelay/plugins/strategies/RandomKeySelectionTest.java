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
  void staysProportionalWhenOneWeightDwarfsTheRestAndSamplingGivesUp() {
    // 9,999 keys of weight 1 and one of weight 1,000,000: a draw is kept one time in 10,000, so
    // nearly every selection ends in the exact pass; key 0 must still get 1e6 / (1e6 + 9,999).
    Candidates keys =
        Candidates.generate(10_000, i -> new KeyCandidate(i, i == 0 ? 1_000_000 : 1, 0, 0, 0));
    SplittableRandom random = new SplittableRandom(5);
    int heavy = 0;
    int draws = 2_000;
    for (int i = 0; i < draws; i++) {
      if (strategy.select(keys, new SelectionContext(i, random, "m", 0)) == 0) {
        heavy++;
      }
    }

    assertThat(heavy / (double) draws).isCloseTo(1_000_000 / 1_009_999.0, within(0.01));
  }

  @Test
  void readsAFewCandidatesOfALargePoolOfEqualWeights() {
    Candidates keys = Candidates.generate(10_000, Candidates::idle);
    SplittableRandom random = new SplittableRandom(11);

    for (int i = 0; i < 100; i++) {
      keys.resetReads();
      strategy.select(keys, new SelectionContext(i, random, "m", 0));
      assertThat(keys.reads()).isLessThanOrEqualTo(1);
    }
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
