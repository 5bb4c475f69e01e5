package dev.clauderelay.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ManagePluginsTest {

  @Test
  void decodesTheDataUrlTheBrowserSends() {
    String data =
        "data:application/java-archive;base64,"
            + Base64.getEncoder().encodeToString("PK jar".getBytes(StandardCharsets.UTF_8));

    assertThat(ManagePlugins.decode(data)).asString(StandardCharsets.UTF_8).isEqualTo("PK jar");
  }

  @Test
  void takesNothingChosenOrGarbledAsNoJar() {
    assertThat(ManagePlugins.decode(null)).isNull();
    assertThat(ManagePlugins.decode("")).isNull();
    assertThat(ManagePlugins.decode("data:application/java-archive;base64,")).isNull();
    assertThat(ManagePlugins.decode("data:x;base64,%%%")).isNull();
  }
}
