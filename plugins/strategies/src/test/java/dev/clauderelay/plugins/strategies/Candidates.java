package dev.clauderelay.plugins.strategies;

import dev.clauderelay.plugin.api.KeyCandidate;
import dev.clauderelay.plugin.api.KeyCandidates;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** A list-backed candidate view for tests; counts the candidates a strategy reads. */
final class Candidates implements KeyCandidates {

  private final List<KeyCandidate> list;
  private int reads;

  Candidates(List<KeyCandidate> list) {
    this.list = list;
  }

  static Candidates of(KeyCandidate... candidates) {
    return new Candidates(List.of(candidates));
  }

  static Candidates generate(int size, IntFunction<KeyCandidate> candidate) {
    List<KeyCandidate> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(candidate.apply(i));
    }
    return new Candidates(list);
  }

  static KeyCandidate idle(long id) {
    return new KeyCandidate(id, 1, 0, 0, 0);
  }

  /** How many times {@link #get} was called since the last {@link #resetReads}. */
  int reads() {
    return reads;
  }

  void resetReads() {
    reads = 0;
  }

  @Override
  public int size() {
    return list.size();
  }

  @Override
  public KeyCandidate get(int index) {
    reads++;
    return list.get(index);
  }

  @Override
  public int maxWeight() {
    // The relay keeps this with its view; computed here without counting as reads.
    return list.stream().mapToInt(KeyCandidate::weight).max().orElse(1);
  }
}
