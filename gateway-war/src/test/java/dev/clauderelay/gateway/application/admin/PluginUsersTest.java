package dev.clauderelay.gateway.application.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clauderelay.gateway.domain.model.provider.Provider;
import dev.clauderelay.gateway.domain.model.provider.ProviderKind;
import dev.clauderelay.gateway.domain.model.provider.ProviderSettings;
import dev.clauderelay.gateway.infrastructure.plugins.LoadedExtension;
import dev.clauderelay.gateway.infrastructure.plugins.LoadedPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginUsersTest {

  private final LoadedPlugin openai =
      plugin(
          "openai",
          new LoadedExtension("Transformer", "openai", "openai", "", "openai", null),
          new LoadedExtension("ProviderPreset", "deepseek", "openai", "", "openai", null));
  private final LoadedPlugin acme =
      plugin(
          "acme-chat",
          new LoadedExtension("Transformer", "acme-chat", "acme-chat", "", "acme", null));
  private final LoadedPlugin strategies =
      plugin(
          "strategies",
          new LoadedExtension("KeySelectionStrategy", "round-robin", "strategies", "", null, null));

  @Test
  void aProviderUsesTheTransformerItNamesOrItsKindsDefaultAndItsStrategy() {
    List<Provider> providers =
        List.of(
            provider("deepseek", ProviderKind.OPENAI, null, "round-robin"),
            provider("acme", ProviderKind.OPENAI, "acme-chat", "least-used"),
            provider("claude", ProviderKind.ANTHROPIC, null, "round-robin"));

    assertThat(PluginAdminService.usedBy(openai, providers)).containsExactly("deepseek");
    assertThat(PluginAdminService.usedBy(acme, providers)).containsExactly("acme");
    assertThat(PluginAdminService.usedBy(strategies, providers))
        .containsExactly("deepseek", "claude");
  }

  @Test
  void anUploadLargerThanTheLimitIsRefusedWhileItIsRead(@TempDir Path dir) {
    Path target = dir.resolve("upload.part");
    // An endless body: only a limit counted while reading ends the copy.
    java.io.InputStream endless =
        new java.io.InputStream() {
          @Override
          public int read() {
            return 0;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) {
            java.util.Arrays.fill(buffer, offset, offset + length, (byte) 0);
            return length;
          }
        };

    assertThatThrownBy(() -> PluginAdminService.copyBounded(endless, target, 1_000_000))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("larger than 1000000 bytes");
    assertThat(target.toFile().length()).isLessThanOrEqualTo(1_000_000);
  }

  @Test
  void anEmptyUploadIsRefused(@TempDir Path dir) throws Exception {
    assertThatThrownBy(
            () ->
                PluginAdminService.copyBounded(
                    new java.io.ByteArrayInputStream(new byte[0]), dir.resolve("x"), 10))
        .hasMessageContaining("empty");
    assertThat(Files.exists(dir.resolve("x"))).isTrue();
  }

  private static LoadedPlugin plugin(String id, LoadedExtension... extensions) {
    return new LoadedPlugin(
        id, "1.0.0", "", "", id + ".jar", LoadedPlugin.STARTED, "*", null, List.of(extensions));
  }

  private static Provider provider(
      String name, ProviderKind kind, String transformer, String strategy) {
    Provider provider = new Provider(name, kind, "http://127.0.0.1:9");
    provider.configure(
        new ProviderSettings(
            name,
            kind,
            "http://127.0.0.1:9",
            transformer,
            strategy,
            List.of(),
            Map.of(),
            List.of(),
            1000,
            1000,
            1000,
            1000,
            true,
            false,
            false));
    return provider;
  }
}
