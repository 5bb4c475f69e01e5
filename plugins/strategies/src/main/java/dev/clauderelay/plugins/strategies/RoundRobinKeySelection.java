package dev.clauderelay.plugins.strategies;

import dev.clauderelay.plugin.api.KeyCandidates;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.SelectionContext;
import org.pf4j.Extension;

/** Takes the usable keys in turn, so each gets an equal share; O(1) whatever the pool size. */
@Extension
public class RoundRobinKeySelection implements KeySelectionStrategy {

  @Override
  public String id() {
    return "round-robin";
  }

  @Override
  public String description() {
    return "Round-robin: usable keys in turn, an equal share each";
  }

  @Override
  public int select(KeyCandidates candidates, SelectionContext context) {
    return (int) Math.floorMod(context.sequence(), (long) candidates.size());
  }
}
