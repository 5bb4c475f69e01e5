package dev.clauderelay.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ConsoleLocalesTest {

  @Test
  void chineseBrowserGetsSimplifiedChinese() {
    assertThat(ConsoleLocales.pick(List.of(Locale.forLanguageTag("zh-CN"))))
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(ConsoleLocales.pick(List.of(Locale.forLanguageTag("zh"))))
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(ConsoleLocales.pick(List.of(Locale.forLanguageTag("zh-TW"))))
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
  }

  @Test
  void firstLanguageTheConsoleSpeaksWins() {
    assertThat(
            ConsoleLocales.pick(
                List.of(Locale.GERMAN, Locale.forLanguageTag("zh-CN"), Locale.ENGLISH)))
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(ConsoleLocales.pick(List.of(Locale.forLanguageTag("en-GB"), Locale.CHINA)))
        .isEqualTo(Locale.ENGLISH);
  }

  @Test
  void unknownLanguagesGetEnglish() {
    assertThat(ConsoleLocales.pick(List.of(Locale.FRENCH))).isEqualTo(Locale.ENGLISH);
    assertThat(ConsoleLocales.pick(List.of())).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void switchAcceptsOnlyOfferedTags() {
    assertThat(ConsoleLocales.byTag("zh-CN")).contains(Locale.SIMPLIFIED_CHINESE);
    assertThat(ConsoleLocales.byTag("zh_CN")).contains(Locale.SIMPLIFIED_CHINESE);
    assertThat(ConsoleLocales.byTag("en")).contains(Locale.ENGLISH);
    assertThat(ConsoleLocales.byTag("fr")).isEmpty();
    assertThat(ConsoleLocales.byTag("<script>")).isEmpty();
    assertThat(ConsoleLocales.byTag(null)).isEmpty();
  }
}
