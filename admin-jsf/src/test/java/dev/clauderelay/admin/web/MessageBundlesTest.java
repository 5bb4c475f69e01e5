package dev.clauderelay.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.admin.api.KeyBatchResult;
import dev.clauderelay.admin.api.KeyProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessageBundlesTest {

  private static final String BASE = "dev.clauderelay.admin.messages";

  @Test
  void chineseHasEveryEnglishTextAndNoOther() throws IOException {
    Set<String> english = ownKeys("messages.properties");

    assertThat(english).contains("relay.unreachable", "signIn.refused", "health.status.ok");
    assertThat(ownKeys("messages_zh_CN.properties")).isEqualTo(english);
  }

  @Test
  void noKeyIsDefinedTwice() throws IOException {
    for (String file : new String[] {"messages.properties", "messages_zh_CN.properties"}) {
      java.util.List<String> keys = new java.util.ArrayList<>();
      try (InputStream in =
          MessageBundlesTest.class.getResourceAsStream("/dev/clauderelay/admin/" + file)) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          int equals = line.indexOf('=');
          if (equals > 0 && !line.startsWith("#") && !line.startsWith(" ")) {
            keys.add(line.substring(0, equals).strip());
          }
        }
      }
      // A second definition silently wins over the first, so one page would show another's words.
      assertThat(keys).as(file).doesNotHaveDuplicates();
    }
  }

  @Test
  void chineseIsReadAsUtf8() {
    ResourceBundle chinese = ResourceBundle.getBundle(BASE, Locale.SIMPLIFIED_CHINESE);

    assertThat(chinese.getString("nav.overview")).isEqualTo("概览");
  }

  @Test
  void unreachableMessageKeepsItsApostropheAndUrl() {
    String pattern = ResourceBundle.getBundle(BASE, Locale.ENGLISH).getString("relay.unreachable");

    assertThat(new MessageFormat(pattern, Locale.ENGLISH).format(new Object[] {"http://h:1"}))
        .isEqualTo("The relay's admin API at http://h:1 does not answer.");
  }

  @Test
  void everyImportReasonTheConsoleWordsHasItsWordsInBothLanguages() {
    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
      ResourceBundle bundle = ResourceBundle.getBundle(BASE, locale);
      for (String reason : KeyPoolView.WORDED_REASONS) {
        assertThat(bundle.containsKey("keyPool.reason." + reason))
            .as(locale + " " + reason)
            .isTrue();
      }
    }
    KeyBatchResult.Item repeated =
        new KeyBatchResult.Item(
            10_003, null, "sk-...", "duplicate", null, "repeats", 10_002, "x", null);
    assertThat(format(Locale.SIMPLIFIED_CHINESE, repeated)).isEqualTo("与第 10002 行重复");
    assertThat(format(Locale.ENGLISH, repeated)).isEqualTo("Repeats line 10002");
    KeyBatchResult.Item refused =
        new KeyBatchResult.Item(
            1,
            null,
            "sk-...",
            "test_failed",
            null,
            "upstream_refused",
            null,
            "x",
            new KeyProbe(401, false, false, "key_invalid", "refused", null, 12));
    assertThat(format(Locale.SIMPLIFIED_CHINESE, refused)).isEqualTo("上游返回 HTTP 401");
  }

  private static String format(Locale locale, KeyBatchResult.Item result) {
    String pattern =
        ResourceBundle.getBundle(BASE, locale).getString(KeyPoolView.reasonKey(result));
    return new MessageFormat(pattern, locale).format(KeyPoolView.reasonArguments(result));
  }

  @Test
  void englishPageStaysEnglishOnAChineseServer() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
      ResourceBundle.clearCache();

      assertThat(ResourceBundle.getBundle(BASE, Locale.ENGLISH).getString("nav.overview"))
          .isEqualTo("Overview");
    } finally {
      Locale.setDefault(before);
      ResourceBundle.clearCache();
    }
  }

  /** The keys of one properties file alone, without those its parent bundle adds. */
  private static Set<String> ownKeys(String file) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        MessageBundlesTest.class.getResourceAsStream("/dev/clauderelay/admin/" + file)) {
      assertThat(in).as(file).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return new TreeSet<>(properties.stringPropertyNames());
  }
}
