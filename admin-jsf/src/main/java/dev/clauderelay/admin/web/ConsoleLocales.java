package dev.clauderelay.admin.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the console speaks, and which one a browser gets: the first of its preferred
 * languages the console has, by language alone (any Chinese gets Simplified Chinese), else English.
 */
public final class ConsoleLocales {

  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;
  public static final List<Locale> OFFERED = List.of(ENGLISH, SIMPLIFIED_CHINESE);

  private ConsoleLocales() {}

  public static Locale pick(List<Locale> browserPreferences) {
    for (Locale preferred : browserPreferences) {
      for (Locale offered : OFFERED) {
        if (offered.getLanguage().equals(preferred.getLanguage())) {
          return offered;
        }
      }
    }
    return ENGLISH;
  }

  /** The offered locale a language tag ({@code en}, {@code zh-CN}) names, if any. */
  public static Optional<Locale> byTag(String tag) {
    if (tag == null || tag.isBlank()) {
      return Optional.empty();
    }
    Locale requested = Locale.forLanguageTag(tag.strip().replace('_', '-'));
    return OFFERED.stream().filter(offered -> offered.equals(requested)).findFirst();
  }
}
