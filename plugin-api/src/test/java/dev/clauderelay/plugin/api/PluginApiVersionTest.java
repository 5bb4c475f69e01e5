package dev.clauderelay.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PluginApiVersionTest {

  @Test
  void theConstantIsTheVersionThePomWritesIntoManifestsAndPluginRequires() throws Exception {
    Properties build = new Properties();
    try (InputStream in = PluginApiVersionTest.class.getResourceAsStream("build.properties")) {
      build.load(in);
    }
    assertThat(PluginApi.VERSION).isEqualTo(build.getProperty("plugin-api.version"));
  }

  @Test
  void theVersionIsSemantic() {
    assertThat(PluginApi.VERSION).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(PluginApi.major()).isEqualTo(1);
    assertThat(PluginApi.REQUIRES_THIS_OR_LATER_MINOR).isEqualTo("^" + PluginApi.VERSION);
  }
}
