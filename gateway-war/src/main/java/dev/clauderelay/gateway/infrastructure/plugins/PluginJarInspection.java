package dev.clauderelay.gateway.infrastructure.plugins;

import dev.clauderelay.plugin.api.PluginApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.pf4j.VersionManager;

/**
 * Reads a plugin jar before PF4J sees it: a real zip whose entries are all safe names, that
 * inflates to a bounded size (no zip bomb), with a PF4J manifest (id, version), an {@code
 * META-INF/extensions.idx} and a {@code Plugin-Requires} this relay's {@link PluginApi#VERSION}
 * satisfies. Every byte counted is a byte actually inflated, never a size the zip claims.
 */
public final class PluginJarInspection {

  /** What a jar may inflate to in all; our largest plugin inflates to well under 1 MB. */
  public static final long MAX_INFLATED_BYTES = 64L * 1024 * 1024;

  /** More entries than any plugin has; bounds the work of reading a hostile zip. */
  public static final int MAX_ENTRIES = 20_000;

  /** A plugin id the relay can use as a file name and show as it is. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+_-]{0,63}");

  /** What the manifest of a readable plugin jar says. */
  public record Descriptor(String id, String version, String requires) {}

  /** The jar cannot be a plugin of this relay; the message says why, for an admin. */
  public static final class InvalidPluginJar extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidPluginJar(String message) {
      super(message, null, false, false);
    }
  }

  private PluginJarInspection() {}

  /**
   * Inspects a jar fully.
   *
   * @throws InvalidPluginJar naming the first problem found
   */
  public static Descriptor inspect(Path jar, VersionManager versions) throws InvalidPluginJar {
    Manifest manifest = null;
    boolean index = false;
    long inflated = 0;
    int entries = 0;
    byte[] buffer = new byte[16 * 1024];
    try (InputStream file = Files.newInputStream(jar);
        ZipInputStream zip = new ZipInputStream(file, StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (++entries > MAX_ENTRIES) {
          throw new InvalidPluginJar("The jar has more than " + MAX_ENTRIES + " entries.");
        }
        String name = entry.getName();
        if (!safeEntryName(name)) {
          throw new InvalidPluginJar(
              "The jar has an entry with an unsafe name ('"
                  + printable(name)
                  + "'): absolute, '..' or a backslash.");
        }
        boolean isManifest = name.equalsIgnoreCase("META-INF/MANIFEST.MF");
        boolean isIndex = name.equals("META-INF/extensions.idx");
        var kept = isManifest || isIndex ? new java.io.ByteArrayOutputStream() : null;
        int read;
        while ((read = zip.read(buffer)) > 0) {
          inflated += read;
          if (inflated > MAX_INFLATED_BYTES) {
            throw new InvalidPluginJar(
                "The jar inflates to more than "
                    + MAX_INFLATED_BYTES / (1024 * 1024)
                    + " MB: refused as a possible zip bomb.");
          }
          if (kept != null && kept.size() < 1024 * 1024) {
            kept.write(buffer, 0, read);
          }
        }
        if (isManifest) {
          manifest = new Manifest(new java.io.ByteArrayInputStream(kept.toByteArray()));
        }
        if (isIndex) {
          index = !new String(kept.toByteArray(), StandardCharsets.UTF_8).isBlank();
        }
      }
    } catch (ZipException | java.io.EOFException e) {
      throw new InvalidPluginJar("The file is not a readable jar (zip): " + e.getMessage());
    } catch (IOException e) {
      throw new InvalidPluginJar("The jar cannot be read: " + e.getMessage());
    }
    if (entries == 0) {
      throw new InvalidPluginJar("The file is not a jar: it holds no zip entries.");
    }
    if (manifest == null) {
      throw new InvalidPluginJar("The jar has no META-INF/MANIFEST.MF: it is not a PF4J plugin.");
    }
    Attributes main = manifest.getMainAttributes();
    String id = trimmed(main.getValue("Plugin-Id"));
    if (id == null) {
      throw new InvalidPluginJar("The jar's manifest has no Plugin-Id: it is not a PF4J plugin.");
    }
    if (!ID.matcher(id).matches()) {
      throw new InvalidPluginJar(
          "The Plugin-Id '"
              + printable(id)
              + "' is not allowed: letters, digits, '.', '_' and '-', at most 64.");
    }
    String version = trimmed(main.getValue("Plugin-Version"));
    if (version == null || !VERSION.matcher(version).matches()) {
      throw new InvalidPluginJar(
          "Plugin '" + id + "' has no usable Plugin-Version (such as 1.0.0) in its manifest.");
    }
    if (!index) {
      throw new InvalidPluginJar(
          "Plugin '"
              + id
              + "' has no META-INF/extensions.idx: it would contribute nothing. Build it with the"
              + " pf4j annotation processor.");
    }
    String requires = trimmed(main.getValue("Plugin-Requires"));
    String incompatible = incompatibility(id, requires, versions);
    if (incompatible != null) {
      throw new InvalidPluginJar(incompatible);
    }
    return new Descriptor(id, version, requires == null ? "*" : requires);
  }

  /**
   * Why a plugin requiring {@code requires} cannot run here, or {@code null} when it can. A missing
   * or {@code *} constraint accepts any version, as in PF4J.
   */
  public static String incompatibility(String pluginId, String requires, VersionManager versions) {
    if (requires == null || requires.isBlank() || requires.strip().equals("*")) {
      return null;
    }
    boolean satisfied;
    try {
      satisfied = versions.checkVersionConstraint(PluginApi.VERSION, requires.strip());
    } catch (RuntimeException e) {
      return "Plugin '"
          + pluginId
          + "' has a Plugin-Requires that is not a version constraint ('"
          + printable(requires)
          + "'); this relay provides plugin API "
          + PluginApi.VERSION
          + ".";
    }
    return satisfied
        ? null
        : "Plugin '"
            + pluginId
            + "' requires plugin API "
            + printable(requires)
            + " but this relay provides plugin API "
            + PluginApi.VERSION
            + ": it is not loaded. Use a build of the plugin for API "
            + PluginApi.major()
            + ".x.";
  }

  /** The Plugin-Id of a jar that can at least be opened, for naming it in a failure. */
  public static java.util.Optional<String> idOf(Path jar) {
    try (var file = new java.util.jar.JarFile(jar.toFile(), false)) {
      Manifest manifest = file.getManifest();
      String id =
          manifest == null ? null : trimmed(manifest.getMainAttributes().getValue("Plugin-Id"));
      return id != null && ID.matcher(id).matches()
          ? java.util.Optional.of(id)
          : java.util.Optional.empty();
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  static boolean safeEntryName(String name) {
    if (name.isEmpty()
        || name.startsWith("/")
        || name.indexOf('\\') >= 0
        || name.indexOf('\0') >= 0
        || (name.length() > 1 && name.charAt(1) == ':')) {
      return false;
    }
    for (String segment : name.split("/", -1)) {
      if (segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A text from a jar, safe to put in a message: printable and at most 100 characters. */
  static String printable(String text) {
    String cleaned = text.replaceAll("[^\\x20-\\x7E]", "?");
    return cleaned.length() > 100 ? cleaned.substring(0, 100) + "..." : cleaned;
  }
}
