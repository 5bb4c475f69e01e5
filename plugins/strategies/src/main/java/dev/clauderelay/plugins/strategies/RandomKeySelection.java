package dev.clauderelay.plugins.strategies;

import dev.clauderelay.plugin.api.KeyCandidates;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.SelectionContext;
import org.pf4j.Extension;

/**
 * Picks a usable key at random, in proportion to its weight: a key of weight 3 gets three times the
 * traffic of a key of weight 1.
 */
@Extension
public class RandomKeySelection implements KeySelectionStrategy {

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
    long totalWeight = 0;
    for (int i = 0; i < size; i++) {
      totalWeight += candidates.get(i).weight();
    }
    long point = context.random().nextLong(totalWeight);
    for (int i = 0; i < size; i++) {
      point -= candidates.get(i).weight();
      if (point < 0) {
        return i;
      }
    }
    return size - 1;
  }
}
