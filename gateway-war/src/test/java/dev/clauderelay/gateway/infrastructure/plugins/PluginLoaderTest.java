package dev.clauderelay.gateway.infrastructure.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clauderelay.gateway.testplugins.FirstInLineStrategy;
import dev.clauderelay.plugin.api.KeyCandidate;
import dev.clauderelay.plugin.api.KeyCandidates;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.SelectionContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoaderTest {

  @Test
  void loadsAPluginJarDroppedIntoTheFolderAndCachesItsExtension(@TempDir Path plugins)
      throws Exception {
    PluginJars.build(plugins, "third-party", FirstInLineStrategy.class);

    PluginLoader.Result result = PluginLoader.load(plugins);

    assertThat(result.plugins())
        .singleElement()
        .satisfies(
            plugin -> {
              assertThat(plugin.id()).isEqualTo("third-party");
              assertThat(plugin.state()).isEqualTo("STARTED");
              assertThat(plugin.extensions())
                  .extracting(LoadedExtension::point, LoadedExtension::id)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple("KeySelectionStrategy", "first-in-line"));
            });
    KeySelectionStrategy strategy =
        (KeySelectionStrategy) result.plugins().get(0).extensions().get(0).instance();
    // Loaded by the plugin's own class loader, as a third-party jar is.
    assertThat(strategy.getClass().getClassLoader())
        .isNotSameAs(FirstInLineStrategy.class.getClassLoader());
    assertThat(strategy.select(oneKey(), new SelectionContext(0, new SplittableRandom(1), "m", 0)))
        .isZero();
    PluginLoader.unload(result.manager());
  }

  @Test
  void refusesTwoPluginsDeclaringTheSameIdNamingBoth(@TempDir Path plugins) throws Exception {
    PluginJars.build(plugins, "alpha", FirstInLineStrategy.class);
    PluginJars.build(plugins, "beta", FirstInLineStrategy.class);

    assertThatThrownBy(() -> PluginLoader.load(plugins))
        .isInstanceOf(PluginLoadingException.class)
        .hasMessageContaining("KeySelectionStrategy 'first-in-line'")
        .hasMessageContaining("plugin 'alpha'")
        .hasMessageContaining("alpha-plugin.jar")
        .hasMessageContaining("plugin 'beta'")
        .hasMessageContaining("beta-plugin.jar");
  }

  @Test
  void refusesAJarThatIsNotAPlugin(@TempDir Path plugins) throws Exception {
    PluginJars.build(plugins, "good", FirstInLineStrategy.class);
    Files.writeString(plugins.resolve("broken.jar"), "not a zip file");

    assertThatThrownBy(() -> PluginLoader.load(plugins))
        .isInstanceOf(PluginLoadingException.class)
        .hasMessageContaining("broken.jar");
  }

  @Test
  void loadsNothingFromAMissingFolder(@TempDir Path parent) {
    assertThat(PluginLoader.load(parent.resolve("absent")).plugins()).isEmpty();
  }

  private static KeyCandidates oneKey() {
    return new KeyCandidates() {
      @Override
      public int size() {
        return 1;
      }

      @Override
      public KeyCandidate get(int index) {
        return new KeyCandidate(1, 1, 0, 0, 0);
      }
    };
  }
}
