package dev.clauderelay.gateway.infrastructure.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds real PF4J plugin jars from compiled test classes, as a plugin's own build would. */
public final class PluginJars {

  private PluginJars() {}

  /** A jar with PF4J manifest entries, the given extension classes and their index. */
  public static Path build(Path folder, String pluginId, Class<?>... extensions)
      throws IOException {
    return build(folder, pluginId, Map.of(), extensions);
  }

  /**
   * A jar as {@link #build(Path, String, Class...)} makes it, with {@code manifest} entries added
   * or replaced (such as {@code Plugin-Requires}).
   */
  public static Path build(
      Path folder, String pluginId, Map<String, String> manifestEntries, Class<?>... extensions)
      throws IOException {
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.putValue("Plugin-Id", pluginId);
    attributes.putValue("Plugin-Version", "1.0.0");
    attributes.putValue("Plugin-Provider", "Tests");
    attributes.putValue("Plugin-Description", "Test plugin " + pluginId);
    manifestEntries.forEach(attributes::putValue);
    Path jar = Files.createDirectories(folder).resolve(pluginId + "-plugin.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      StringBuilder index = new StringBuilder();
      for (Class<?> extension : extensions) {
        String resource = extension.getName().replace('.', '/') + ".class";
        out.putNextEntry(new JarEntry(resource));
        try (InputStream bytes = extension.getClassLoader().getResourceAsStream(resource)) {
          bytes.transferTo(out);
        }
        out.closeEntry();
        index.append(extension.getName()).append('\n');
      }
      if (extensions.length > 0) {
        out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
        out.write(index.toString().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }
}
