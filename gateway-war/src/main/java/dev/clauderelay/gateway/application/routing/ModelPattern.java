package dev.clauderelay.gateway.application.routing;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A model name or a glob over model names ({@code *} any run, {@code ?} one character),
 * case-insensitive as model names are. The more literal characters a pattern has, the more specific
 * it is: {@code *haiku*} beats {@code *}.
 */
public final class ModelPattern {

  private final String text;
  private final Pattern regex;
  private final boolean exact;
  private final int literalCharacters;

  public ModelPattern(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a model pattern must not be empty");
    }
    this.text = text.strip();
    this.exact = this.text.indexOf('*') < 0 && this.text.indexOf('?') < 0;
    StringBuilder regexText = new StringBuilder();
    int literals = 0;
    for (char c : this.text.toCharArray()) {
      switch (c) {
        case '*' -> regexText.append(".*");
        case '?' -> regexText.append('.');
        default -> {
          regexText.append(Pattern.quote(String.valueOf(c)));
          literals++;
        }
      }
    }
    this.literalCharacters = literals;
    this.regex = Pattern.compile(regexText.toString(), Pattern.CASE_INSENSITIVE);
  }

  public boolean matches(String model) {
    if (exact) {
      return text.equalsIgnoreCase(model);
    }
    return regex.matcher(model).matches();
  }

  public boolean isExact() {
    return exact;
  }

  public int specificity() {
    return literalCharacters;
  }

  public String text() {
    return text;
  }

  /** The pattern's exact name in lower case, for map lookups; only for exact patterns. */
  public String key() {
    return text.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return text;
  }
}
