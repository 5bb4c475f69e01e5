package dev.clauderelay.plugin.support;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reports what one translation dropped on purpose, each sentence once, in the order first met, so a
 * request with fifty {@code cache_control} markers yields one line in {@code x-relay-degraded}.
 *
 * <p><b>State and threading:</b> one instance per translation (a request, a response or a stream),
 * used by one thread at a time, as {@link dev.clauderelay.plugin.api.StreamTranslator} calls are;
 * it remembers the sentences already reported. <b>Purity:</b> it only passes sentences on.
 */
public final class Degradations {

  private final Consumer<String> sink;
  private final Set<String> reported = new HashSet<>();

  /**
   * @param sink the context's {@link dev.clauderelay.plugin.api.TranslationContext#degradation()};
   *     {@code null} discards every report
   */
  public Degradations(Consumer<String> sink) {
    this.sink = sink;
  }

  /**
   * Passes {@code sentence} to the sink unless this translation has reported it already.
   *
   * @param sentence one short sentence saying what was dropped and why; never {@code null}
   */
  public void report(String sentence) {
    if (sink != null && reported.add(sentence)) {
      sink.accept(sentence);
    }
  }
}
