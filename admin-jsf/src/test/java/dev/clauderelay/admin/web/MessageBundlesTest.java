package dev.clauderelay.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

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
