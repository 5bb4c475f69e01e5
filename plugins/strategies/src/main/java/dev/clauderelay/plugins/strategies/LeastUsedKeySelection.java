package dev.clauderelay.plugins.strategies;

import dev.clauderelay.plugin.api.KeyCandidate;
import dev.clauderelay.plugin.api.KeyCandidates;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.SelectionContext;
import java.util.Comparator;
import org.pf4j.Extension;

/**
 * Picks the usable key with the fewest requests in flight, then the fewest requests in total, then
 * the one idle longest: spreads concurrent load first and long-run totals second.
 *
 * <p>Exact for pools of up to {@value #WINDOW} usable keys. A larger pool is read one window of
 * {@value #WINDOW} consecutive candidates per selection, the window moving on with the pool's
 * sequence, so a selection costs the same with 10,000 keys as with 64 and every key is weighed once
 * every {@code size / 64} selections.
 */
@Extension
public class LeastUsedKeySelection implements KeySelectionStrategy {

  /** How many candidates one selection reads at most. */
  static final int WINDOW = 64;

  @Override
  public String id() {
    return "least-used";
  }

  @Override
  public String description() {
    return "Least-used: fewest requests in flight, then fewest in total, then idle longest";
  }

  @Override
  public int select(KeyCandidates candidates, SelectionContext context) {
    return candidates.bestInWindow(context.sequence(), WINDOW, LEAST_USED_FIRST);
  }

  private static final Comparator<KeyCandidate> LEAST_USED_FIRST =
      Comparator.comparingInt(KeyCandidate::inFlight)
          .thenComparingLong(KeyCandidate::totalRequests)
          .thenComparingLong(KeyCandidate::lastUsedEpochMillis);
}
