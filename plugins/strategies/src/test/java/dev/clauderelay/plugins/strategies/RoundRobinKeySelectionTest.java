package dev.clauderelay.plugins.strategies;

import static dev.clauderelay.plugins.strategies.Candidates.idle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.plugin.api.SelectionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RoundRobinKeySelectionTest {

  private final RoundRobinKeySelection strategy = new RoundRobinKeySelection();

  @Test
  void takesKeysInTurnFollowingTheSequence() {
    Candidates keys = Candidates.of(idle(10), idle(11), idle(12));
    List<Integer> picks = new ArrayList<>();
    for (long sequence = 0; sequence < 7; sequence++) {
      picks.add(strategy.select(keys, context(sequence)));
    }

    assertThat(picks).containsExactly(0, 1, 2, 0, 1, 2, 0);
  }

  @Test
  void staysInRangeWhenTheSequenceWrapsNegative() {
    Candidates keys = Candidates.of(idle(1), idle(2), idle(3));

    assertThat(strategy.select(keys, context(Long.MIN_VALUE))).isBetween(0, 2);
    assertThat(strategy.select(keys, context(-1))).isEqualTo(2);
  }

  @Test
  void hasAStableId() {
    assertThat(strategy.id()).isEqualTo("round-robin");
  }

  private static SelectionContext context(long sequence) {
    return new SelectionContext(sequence, new SplittableRandom(1), "m", 0);
  }
}
