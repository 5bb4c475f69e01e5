package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.plugin.api.KeyCandidate;
import dev.clauderelay.plugin.api.KeyCandidates;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.SelectionContext;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A provider's strategy plugin asked to choose among the keys usable now: what it sees of them, and
 * the guard around a plugin that throws or answers out of range (the pool then starts from the
 * first key, and says so in the log).
 */
final class KeySelection {

  private static final Logger LOG = Logger.getLogger(KeySelection.class.getName());

  private KeySelection() {}

  /** Where the strategy's quota window for {@code model} starts; never later than {@code now}. */
  static long quotaWindowStart(KeySelectionStrategy strategy, String model, long now) {
    try {
      long start = strategy.quotaWindowStart(model, now);
      return start > now ? now : start;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Strategy " + strategy.id() + " failed to name its quota window", e);
      return KeySelectionStrategy.NO_QUOTA_WINDOW;
    }
  }

  /**
   * The index in {@code keys} (two or more) the strategy chooses.
   *
   * @param maxWeight the largest weight among {@code keys}
   * @param window the strategy's quota window for {@code model}
   * @param sequence the pool's count of selections, for strategies that rotate
   */
  static int select(
      KeySelectionStrategy strategy,
      KeyHealth[] keys,
      int maxWeight,
      String model,
      long now,
      long window,
      long sequence) {
    SelectionContext context =
        new SelectionContext(sequence, ThreadLocalRandom.current(), model, now);
    try {
      int index = strategy.select(new Candidates(keys, maxWeight, model, window), context);
      if (index >= 0 && index < keys.length) {
        return index;
      }
      LOG.log(
          Level.WARNING,
          "Strategy {0} chose index {1} of {2}",
          new Object[] {strategy.id(), index, keys.length});
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Strategy " + strategy.id() + " failed; using the first key", e);
    }
    return 0;
  }

  /** The strategy's view of the usable keys: built per call, reads nothing it is not asked for. */
  private record Candidates(KeyHealth[] keys, int maxWeight, String model, long window)
      implements KeyCandidates {
    @Override
    public int size() {
      return keys.length;
    }

    @Override
    public KeyCandidate get(int index) {
      KeyHealth key = keys[index];
      return new KeyCandidate(
          key.keyId(),
          key.weight(),
          key.inFlight(),
          key.totalRequests(),
          key.lastUsedMillis(),
          window == KeySelectionStrategy.NO_QUOTA_WINDOW
              ? 0
              : key.perModel.requests(model, window));
    }
  }
}
