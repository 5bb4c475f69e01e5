package dev.clauderelay.plugins.gemini;

import dev.clauderelay.plugin.api.KeyCandidate;
import dev.clauderelay.plugin.api.KeyCandidates;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.SelectionContext;
import java.util.Comparator;
import org.pf4j.Extension;

/**
 * Key selection for Gemini's quotas, which are counted per key (project) <em>and per model</em>,
 * per minute and per day, the daily ones resetting at midnight Pacific time: picks the key that
 * sent the fewest requests for the request's model since that midnight, then the one with the
 * fewest in flight, then the fewest in total. Each model's daily quota thus drains evenly across
 * the pool instead of one key after another, and a key that used up {@code gemini-2.5-pro} today
 * still serves {@code gemini-2.5-flash}: the relay leaves a key out only for the model whose quota
 * the error named (see {@link GeminiErrors}, whose limits are scoped to the model).
 *
 * <p>Reads at most {@value #WINDOW} candidates per selection, a window moving with the pool's
 * sequence, so a pool of 10,000 keys costs what a pool of 64 does.
 */
@Extension
public class GeminiQuotaKeySelection implements KeySelectionStrategy {

  static final int WINDOW = 64;

  @Override
  public String id() {
    return "gemini-quota";
  }

  @Override
  public String description() {
    return "Gemini quotas: fewest requests for the model since midnight Pacific, then fewest in"
        + " flight";
  }

  @Override
  public long quotaWindowStart(String model, long nowEpochMillis) {
    return QuotaDay.start(nowEpochMillis);
  }

  @Override
  public int select(KeyCandidates candidates, SelectionContext context) {
    return candidates.bestInWindow(context.sequence(), WINDOW, MOST_HEADROOM_FIRST);
  }

  private static final Comparator<KeyCandidate> MOST_HEADROOM_FIRST =
      Comparator.comparingLong(KeyCandidate::modelRequests)
          .thenComparingInt(KeyCandidate::inFlight)
          .thenComparingLong(KeyCandidate::totalRequests);
}
