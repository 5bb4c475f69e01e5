package dev.clauderelay.plugins.strategies;

import dev.clauderelay.plugin.api.KeyCandidate;
import dev.clauderelay.plugin.api.KeyCandidates;
import java.util.List;

/** A list-backed candidate view for tests. */
record Candidates(List<KeyCandidate> list) implements KeyCandidates {

  static Candidates of(KeyCandidate... candidates) {
    return new Candidates(List.of(candidates));
  }

  static KeyCandidate idle(long id) {
    return new KeyCandidate(id, 1, 0, 0, 0);
  }

  @Override
  public int size() {
    return list.size();
  }

  @Override
  public KeyCandidate get(int index) {
    return list.get(index);
  }
}
