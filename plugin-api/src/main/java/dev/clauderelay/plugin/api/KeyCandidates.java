package dev.clauderelay.plugin.api;

import java.util.Comparator;

/**
 * A read-only, indexed view of the usable keys of one pool at the moment of selection.
 *
 * <p>A view rather than a copied list so that a pool of 10,000 keys costs a strategy no allocation:
 * a strategy that needs only one element (round-robin) reads only that one. Keys that are cooling
 * down, exhausted (for the whole key or for the selection's model), invalid or disabled are already
 * left out. The view is valid only for the duration of the {@link KeySelectionStrategy#select} call
 * it is passed to.
 *
 * <p>The relay may still pass over the chosen key when it turns out to be at its concurrency or
 * requests-per-minute limit, or already tried by this request; it then takes the next candidate
 * after it. A strategy's choice is therefore a preference, never a guarantee.
 */
public interface KeyCandidates {

  /** The number of usable keys; always at least 1 when passed to a strategy. */
  int size();

  /** The candidate at {@code index}, {@code 0 <= index < size()}. */
  KeyCandidate get(int index);

  /**
   * The largest weight among the candidates, so that a weighted choice can sample instead of
   * summing every weight. The relay answers from a value it keeps with the view, in constant time;
   * this default scans. Added in plugin API 1.1.
   */
  default int maxWeight() {
    int max = 1;
    for (int i = 0; i < size(); i++) {
      max = Math.max(max, get(i).weight());
    }
    return max;
  }

  /**
   * The index of the first best candidate by {@code order} (least first) among at most {@code
   * window} consecutive ones: the whole view when it fits one window, otherwise the window that
   * {@code sequence} (the pool's, from {@link SelectionContext#sequence()}) points at, so a
   * selection costs the same with 10,000 keys as with {@code window} and every key is weighed once
   * every {@code size / window} selections. Added in plugin API 1.1.
   */
  default int bestInWindow(long sequence, int window, Comparator<KeyCandidate> order) {
    int size = size();
    int length = Math.min(size, window);
    int start = windowStart(size, window, sequence);
    int best = start;
    KeyCandidate bestCandidate = get(start);
    for (int offset = 1; offset < length; offset++) {
      int index = (start + offset) % size;
      KeyCandidate candidate = get(index);
      if (order.compare(candidate, bestCandidate) < 0) {
        best = index;
        bestCandidate = candidate;
      }
    }
    return best;
  }

  /**
   * The first index of the window {@code sequence} points at: 0 for a view that fits one window.
   */
  static int windowStart(int size, int window, long sequence) {
    if (size <= window) {
      return 0;
    }
    long windows = (size + window - 1) / window;
    return (int) (Math.floorMod(sequence, windows) * window);
  }
}
