package dev.clauderelay.plugin.api;

/**
 * A read-only, indexed view of the usable keys of one pool at the moment of selection.
 *
 * <p>A view rather than a copied list so that a pool of 10,000 keys costs a strategy no allocation:
 * a strategy that needs only one element (round-robin) reads only that one. Keys that are cooling
 * down, exhausted, invalid or disabled are already left out. The view is valid only for the
 * duration of the {@link KeySelectionStrategy#select} call it is passed to.
 */
public interface KeyCandidates {

  /** The number of usable keys; always at least 1 when passed to a strategy. */
  int size();

  /** The candidate at {@code index}, {@code 0 <= index < size()}. */
  KeyCandidate get(int index);
}
