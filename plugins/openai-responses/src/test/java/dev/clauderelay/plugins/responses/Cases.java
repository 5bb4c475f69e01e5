package dev.clauderelay.plugins.responses;

import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.testkit.GoldenCases;

/** What this plugin's tests share beyond the testkit's {@link GoldenCases}. */
final class Cases {

  private Cases() {}

  /** A context for the model the cases' upstream answers name, reporting nothing. */
  static TranslationContext context(boolean stream) {
    return GoldenCases.context("gpt-5.1", stream, sentence -> {});
  }
}
