package dev.clauderelay.plugins.openai;

import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.testkit.GoldenCases;
import java.nio.file.Path;

/** What this plugin's tests share beyond the testkit's {@link GoldenCases}. */
final class Cases {

  static final Path ERRORS = Path.of("src", "test", "resources", "errors");

  private Cases() {}

  /** A context for the model the cases' upstream answers name, reporting nothing. */
  static TranslationContext context(boolean stream) {
    return GoldenCases.context("upstream-model", stream, sentence -> {});
  }
}
