package dev.clauderelay.gateway.infrastructure.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clauderelay.gateway.testplugins.FirstInLineStrategy;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultVersionManager;

class PluginJarInspectionTest {

  private final DefaultVersionManager versions = new DefaultVersionManager();

  @Test
  void readsTheDescriptorOfAGoodJar(@TempDir Path dir) throws Exception {
    Path jar = PluginJars.build(dir, "good", FirstInLineStrategy.class);

    assertThat(PluginJarInspection.inspect(jar, versions))
        .isEqualTo(new PluginJarInspection.Descriptor("good", "1.0.0", "*"));
  }

  @Test
  void refusesAZipBombByTheBytesItInflatesToNotTheSizesItClaims(@TempDir Path dir)
      throws Exception {
    Path jar = dir.resolve("bomb.jar");
    byte[] zeros = new byte[1024 * 1024];
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest("bomb"))) {
      out.putNextEntry(new ZipEntry("META-INF/extensions.idx"));
      out.write("x.Y\n".getBytes(StandardCharsets.UTF_8));
      out.putNextEntry(new ZipEntry("zeros.bin"));
      for (int i = 0; i < 80; i++) {
        out.write(zeros);
      }
      out.closeEntry();
    }
    assertThat(Files.size(jar)).isLessThan(1024 * 1024);

    assertThatThrownBy(() -> PluginJarInspection.inspect(jar, versions))
        .hasMessageContaining("zip bomb");
  }

  @Test
  void refusesAJarWithAnEntryThatClimbsOutOfItsFolder(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("climb.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest("climb"))) {
      out.putNextEntry(new ZipEntry("META-INF/extensions.idx"));
      out.write("x.Y\n".getBytes(StandardCharsets.UTF_8));
      out.putNextEntry(new ZipEntry("../../etc/cron.d/evil"));
      out.write(1);
      out.closeEntry();
    }

    assertThatThrownBy(() -> PluginJarInspection.inspect(jar, versions))
        .hasMessageContaining("unsafe name")
        .hasMessageContaining("../../etc/cron.d/evil");
  }

  @Test
  void refusesAPluginIdThatCannotBeAFileName(@TempDir Path dir) throws Exception {
    Path jar =
        PluginJars.build(
            dir, "x", java.util.Map.of("Plugin-Id", "../../x"), FirstInLineStrategy.class);

    assertThatThrownBy(() -> PluginJarInspection.inspect(jar, versions))
        .hasMessageContaining("Plugin-Id '../../x' is not allowed");
  }

  @Test
  void refusesWhatIsNotAZip(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("x.jar"), "PK but not really");

    assertThatThrownBy(() -> PluginJarInspection.inspect(file, versions))
        .isInstanceOf(PluginJarInspection.InvalidPluginJar.class);
  }

  @Test
  void judgesConstraintsAgainstThisApiVersion() {
    assertThat(PluginJarInspection.incompatibility("p", "^1.0.0", versions)).isNull();
    assertThat(PluginJarInspection.incompatibility("p", "*", versions)).isNull();
    assertThat(PluginJarInspection.incompatibility("p", ">=1.0.0 & <2.0.0", versions)).isNull();
    assertThat(PluginJarInspection.incompatibility("p", "^2.0.0", versions))
        .contains("Plugin 'p' requires plugin API ^2.0.0");
    assertThat(PluginJarInspection.incompatibility("p", "^1.9.0", versions)).isNotNull();
    assertThat(PluginJarInspection.incompatibility("p", "what?", versions))
        .contains("not a version constraint");
  }

  private static Manifest manifest(String id) {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Plugin-Id", id);
    main.putValue("Plugin-Version", "1.0.0");
    return manifest;
  }
}
