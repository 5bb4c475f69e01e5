package dev.clauderelay.plugins.gemini;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reports what a translation dropped on purpose, each sentence once per request however many blocks
 * or tools carried the dropped feature, so the relay's header stays short.
 */
final class Degradations {

  private final Consumer<String> sink;
  private final Set<String> reported = new HashSet<>();

  Degradations(Consumer<String> sink) {
    this.sink = sink;
  }

  void report(String sentence) {
    if (sink != null && reported.add(sentence)) {
      sink.accept(sentence);
    }
  }
}
