package dev.clauderelay.plugins.strategies;

import dev.clauderelay.plugin.api.KeyCandidate;
import dev.clauderelay.plugin.api.KeyCandidates;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.SelectionContext;
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
    int size = candidates.size();
    int length = Math.min(size, WINDOW);
    int start = windowStart(size, context.sequence());
    int best = start;
    KeyCandidate bestCandidate = candidates.get(start);
    for (int offset = 1; offset < length; offset++) {
      int index = (start + offset) % size;
      KeyCandidate candidate = candidates.get(index);
      if (isLessUsed(candidate, bestCandidate)) {
        best = index;
        bestCandidate = candidate;
      }
    }
    return best;
  }

  /** The first index of the window this selection reads: 0 for a pool that fits one window. */
  static int windowStart(int size, long sequence) {
    if (size <= WINDOW) {
      return 0;
    }
    long windows = (size + WINDOW - 1) / WINDOW;
    return (int) (Math.floorMod(sequence, windows) * WINDOW);
  }

  private static boolean isLessUsed(KeyCandidate a, KeyCandidate b) {
    if (a.inFlight() != b.inFlight()) {
      return a.inFlight() < b.inFlight();
    }
    if (a.totalRequests() != b.totalRequests()) {
      return a.totalRequests() < b.totalRequests();
    }
    return a.lastUsedEpochMillis() < b.lastUsedEpochMillis();
  }
}
