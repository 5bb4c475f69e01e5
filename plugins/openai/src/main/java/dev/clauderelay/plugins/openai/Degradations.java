package dev.clauderelay.plugins.openai;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reports what one translation dropped on purpose, each sentence once, in the order first met, so a
 * request with fifty {@code cache_control} markers yields one line in {@code x-relay-degraded}.
 */
final class Degradations {

  private final Consumer<String> sink;
  private final Set<String> reported = new HashSet<>();

  Degradations(Consumer<String> sink) {
    this.sink = sink;
  }

  void report(String sentence) {
    if (reported.add(sentence) && sink != null) {
      sink.accept(sentence);
    }
  }
}
