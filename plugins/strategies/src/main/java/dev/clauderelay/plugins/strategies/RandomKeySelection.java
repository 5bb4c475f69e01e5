package dev.clauderelay.plugins.strategies;

import dev.clauderelay.plugin.api.KeyCandidates;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.SelectionContext;
import java.util.random.RandomGenerator;
import org.pf4j.Extension;

/**
 * Picks a usable key at random, in proportion to its weight: a key of weight 3 gets three times the
 * traffic of a key of weight 1.
 *
 * <p>By rejection sampling: draw a key uniformly, keep it with probability {@code weight /
 * maxWeight}. That reads a handful of candidates whatever the pool's size (on average {@code
 * maxWeight / meanWeight}), where summing the weights would read all 10,000. Should {@value
 * #MAX_DRAWS} draws all be rejected (weights wildly apart), one exact pass over the cumulative
 * weights decides; the mixture is still exactly proportional to weight.
 */
@Extension
public class RandomKeySelection implements KeySelectionStrategy {

  /** Rejections tolerated before the exact pass. */
  static final int MAX_DRAWS = 256;

  @Override
  public String id() {
    return "random";
  }

  @Override
  public String description() {
    return "Weighted random: each usable key in proportion to its weight";
  }

  @Override
  public int select(KeyCandidates candidates, SelectionContext context) {
    int size = candidates.size();
    RandomGenerator random = context.random();
    int maxWeight = candidates.maxWeight();
    for (int draw = 0; draw < MAX_DRAWS; draw++) {
      int index = random.nextInt(size);
      if (maxWeight <= 1 || random.nextInt(maxWeight) < candidates.get(index).weight()) {
        return index;
      }
    }
    return cumulative(candidates, random);
  }

  private static int cumulative(KeyCandidates candidates, RandomGenerator random) {
    int size = candidates.size();
    long totalWeight = 0;
    for (int i = 0; i < size; i++) {
      totalWeight += candidates.get(i).weight();
    }
    long point = random.nextLong(totalWeight);
    for (int i = 0; i < size; i++) {
      point -= candidates.get(i).weight();
      if (point < 0) {
        return i;
      }
    }
    return size - 1;
  }
}
