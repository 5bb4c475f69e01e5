package dev.clauderelay.gateway.infrastructure.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clauderelay.gateway.testplugins.ExplodingStrategy;
import dev.clauderelay.gateway.testplugins.FirstInLineStrategy;
import dev.clauderelay.gateway.testplugins.LastInLineStrategy;
import dev.clauderelay.plugin.api.KeyCandidate;
import dev.clauderelay.plugin.api.KeyCandidates;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.PluginApi;
import dev.clauderelay.plugin.api.SelectionContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginSetTest {

  @Test
  void loadsAPluginJarDroppedIntoTheFolderAndCachesItsExtension(@TempDir Path plugins)
      throws Exception {
    PluginJars.build(plugins, "third-party", FirstInLineStrategy.class);

    try (PluginSet set = PluginSet.open(plugins)) {
      assertThat(set.snapshot().plugins())
          .singleElement()
          .satisfies(
              plugin -> {
                assertThat(plugin.id()).isEqualTo("third-party");
                assertThat(plugin.state()).isEqualTo("STARTED");
                assertThat(plugin.error()).isNull();
                assertThat(plugin.extensions())
                    .extracting(LoadedExtension::point, LoadedExtension::id)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "KeySelectionStrategy", "first-in-line"));
              });
      KeySelectionStrategy strategy = set.snapshot().strategies().get("first-in-line");
      // Loaded by the plugin's own class loader, as a third-party jar is.
      assertThat(strategy.getClass().getClassLoader())
          .isNotSameAs(FirstInLineStrategy.class.getClassLoader());
      assertThat(
              strategy.select(oneKey(), new SelectionContext(0, new SplittableRandom(1), "m", 0)))
          .isZero();
    }
  }

  @Test
  void keepsTheFirstOfTwoPluginsDeclaringTheSameIdAndFailsTheSecondNamingBoth(@TempDir Path plugins)
      throws Exception {
    PluginJars.build(plugins, "alpha", FirstInLineStrategy.class);
    PluginJars.build(plugins, "beta", FirstInLineStrategy.class);

    try (PluginSet set = PluginSet.open(plugins)) {
      assertThat(set.find("alpha").state()).isEqualTo("STARTED");
      assertThat(set.find("beta").state()).isEqualTo("FAILED");
      assertThat(set.find("beta").error())
          .contains("KeySelectionStrategy 'first-in-line'")
          .contains("plugin 'alpha'")
          .contains("alpha-plugin.jar")
          .contains("Plugin 'beta'");
      assertThat(set.snapshot().strategies()).containsOnlyKeys("first-in-line");
    }
  }

  @Test
  void aCorruptJarIsListedAsFailedAndTheOthersStillLoad(@TempDir Path plugins) throws Exception {
    PluginJars.build(plugins, "good", FirstInLineStrategy.class);
    Files.writeString(plugins.resolve("broken.jar"), "not a zip file");

    try (PluginSet set = PluginSet.open(plugins)) {
      assertThat(set.find("good").state()).isEqualTo("STARTED");
      LoadedPlugin broken = set.find("broken.jar");
      assertThat(broken.state()).isEqualTo("FAILED");
      assertThat(broken.error()).contains("not a jar");
    }
  }

  @Test
  void aJarWithoutExtensionIndexIsListedAsFailed(@TempDir Path plugins) throws Exception {
    PluginJars.build(plugins, "empty");

    try (PluginSet set = PluginSet.open(plugins)) {
      assertThat(set.find("empty").error())
          .contains("Plugin 'empty'")
          .contains("META-INF/extensions.idx");
    }
  }

  @Test
  void anExtensionWhoseConstructorThrowsFailsOnlyItsOwnPlugin(@TempDir Path plugins)
      throws Exception {
    PluginJars.build(plugins, "explosive", ExplodingStrategy.class);
    PluginJars.build(plugins, "steady", FirstInLineStrategy.class);

    try (PluginSet set = PluginSet.open(plugins)) {
      LoadedPlugin explosive = set.find("explosive");
      assertThat(explosive.state()).isEqualTo("FAILED");
      assertThat(explosive.error()).contains("boom in the constructor");
      assertThat(set.find("steady").state()).isEqualTo("STARTED");
      assertThat(set.snapshot().strategies()).containsOnlyKeys("first-in-line");
    }
  }

  @Test
  void aJarBuiltForAnotherApiMajorIsRefusedNamingThePluginAndBothVersions(@TempDir Path plugins)
      throws Exception {
    PluginJars.build(
        plugins, "future", Map.of("Plugin-Requires", "^2.0.0"), LastInLineStrategy.class);
    PluginJars.build(plugins, "today", FirstInLineStrategy.class);

    try (PluginSet set = PluginSet.open(plugins)) {
      LoadedPlugin future = set.find("future");
      assertThat(future.state()).isEqualTo("FAILED");
      assertThat(future.error())
          .contains("Plugin 'future'")
          .contains("^2.0.0")
          .contains("plugin API " + PluginApi.VERSION);
      assertThat(set.snapshot().strategies()).containsOnlyKeys("first-in-line");
    }
  }

  @Test
  void aJarBuiltForAnEarlierMinorOfThisMajorLoads(@TempDir Path plugins) throws Exception {
    PluginJars.build(
        plugins, "older", Map.of("Plugin-Requires", "^1.0.0"), FirstInLineStrategy.class);

    try (PluginSet set = PluginSet.open(plugins)) {
      assertThat(set.find("older").state()).isEqualTo("STARTED");
      assertThat(set.find("older").requires()).isEqualTo("^1.0.0");
    }
  }

  @Test
  void installsAnUploadedJarUnderANameOfItsOwnAndServesItsExtensionAtOnce(
      @TempDir Path plugins, @TempDir Path uploads) throws Exception {
    PluginJars.build(plugins, "first", FirstInLineStrategy.class);
    Path upload = PluginJars.build(uploads, "second", LastInLineStrategy.class);

    try (PluginSet set = PluginSet.open(plugins)) {
      LoadedPlugin installed = set.install(upload);

      assertThat(installed.state()).isEqualTo("STARTED");
      assertThat(installed.jar()).isEqualTo("second-1.0.0.jar");
      assertThat(plugins.resolve("second-1.0.0.jar")).exists();
      assertThat(upload).doesNotExist();
      assertThat(set.snapshot().strategies()).containsOnlyKeys("first-in-line", "last-in-line");
    }
  }

  @Test
  void refusesAnUploadWhoseExtensionIdIsTakenAndLeavesTheFolderAsItWas(
      @TempDir Path plugins, @TempDir Path uploads) throws Exception {
    PluginJars.build(plugins, "first", FirstInLineStrategy.class);
    Path upload = PluginJars.build(uploads, "copycat", FirstInLineStrategy.class);

    try (PluginSet set = PluginSet.open(plugins)) {
      assertThatThrownBy(() -> set.install(upload))
          .isInstanceOf(PluginChangeRefused.class)
          .hasMessageContaining("'first-in-line'")
          .hasMessageContaining("plugin 'first'")
          .extracting(e -> ((PluginChangeRefused) e).reason())
          .isEqualTo(PluginChangeRefused.Reason.CONFLICT);
      try (var files = Files.list(plugins)) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly("first-plugin.jar");
      }
      assertThat(set.snapshot().plugins()).hasSize(1);
    }
  }

  @Test
  void refusesAnUploadWithAPluginIdThatIsInstalled(@TempDir Path plugins, @TempDir Path uploads)
      throws Exception {
    PluginJars.build(plugins, "first", FirstInLineStrategy.class);
    Path upload = PluginJars.build(uploads, "first", LastInLineStrategy.class);

    try (PluginSet set = PluginSet.open(plugins)) {
      assertThatThrownBy(() -> set.install(upload))
          .isInstanceOf(PluginChangeRefused.class)
          .hasMessageContaining("'first' is installed already");
    }
  }

  @Test
  void disablingStopsThePluginAndSurvivesARestartAndEnablingBringsItBack(@TempDir Path plugins)
      throws Exception {
    PluginJars.build(plugins, "first", FirstInLineStrategy.class);

    try (PluginSet set = PluginSet.open(plugins)) {
      assertThat(set.disable("first").state()).isEqualTo("DISABLED");
      assertThat(set.snapshot().strategies()).isEmpty();
    }
    try (PluginSet restarted = PluginSet.open(plugins)) {
      assertThat(restarted.find("first").state()).isEqualTo("DISABLED");
      assertThat(restarted.snapshot().strategies()).isEmpty();

      assertThat(restarted.enable("first").state()).isEqualTo("STARTED");
      assertThat(restarted.snapshot().strategies()).containsOnlyKeys("first-in-line");
    }
    try (PluginSet again = PluginSet.open(plugins)) {
      assertThat(again.find("first").state()).isEqualTo("STARTED");
    }
  }

  @Test
  void removingUnloadsThePluginAndDeletesItsJar(@TempDir Path plugins) throws Exception {
    Path jar = PluginJars.build(plugins, "first", FirstInLineStrategy.class);

    try (PluginSet set = PluginSet.open(plugins)) {
      set.disable("first");
      set.remove("first");

      assertThat(jar).doesNotExist();
      assertThat(set.snapshot().plugins()).isEmpty();
      assertThatThrownBy(() -> set.find("first"))
          .extracting(e -> ((PluginChangeRefused) e).reason())
          .isEqualTo(PluginChangeRefused.Reason.NOT_FOUND);
    }
  }

  @Test
  void aFailedPluginLoadsWhenWhatItClashedWithIsRemoved(@TempDir Path plugins) throws Exception {
    PluginJars.build(plugins, "alpha", FirstInLineStrategy.class);
    PluginJars.build(plugins, "beta", FirstInLineStrategy.class);

    try (PluginSet set = PluginSet.open(plugins)) {
      set.remove("alpha");
      assertThat(set.enable("beta").state()).isEqualTo("STARTED");
      assertThat(set.snapshot().strategies()).containsOnlyKeys("first-in-line");
    }
  }

  @Test
  void loadsNothingFromAMissingFolder(@TempDir Path parent) {
    try (PluginSet set = PluginSet.open(parent.resolve("absent"))) {
      assertThat(set.snapshot().plugins()).isEmpty();
    }
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
