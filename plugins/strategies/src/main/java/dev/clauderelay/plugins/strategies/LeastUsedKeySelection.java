package dev.clauderelay.plugins.strategies;

import dev.clauderelay.plugin.api.KeyCandidate;
import dev.clauderelay.plugin.api.KeyCandidates;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.SelectionContext;
import org.pf4j.Extension;

/**
 * Picks the usable key with the fewest requests in flight, then the fewest requests in total, then
 * the one idle longest: spreads concurrent load first and long-run totals second.
 */
@Extension
public class LeastUsedKeySelection implements KeySelectionStrategy {

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
    int best = 0;
    KeyCandidate bestCandidate = candidates.get(0);
    for (int i = 1; i < candidates.size(); i++) {
      KeyCandidate candidate = candidates.get(i);
      if (isLessUsed(candidate, bestCandidate)) {
        best = i;
        bestCandidate = candidate;
      }
    }
    return best;
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
