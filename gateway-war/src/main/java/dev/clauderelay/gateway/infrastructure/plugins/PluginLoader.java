package dev.clauderelay.gateway.infrastructure.plugins;

import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.ProviderPreset;
import dev.clauderelay.plugin.api.RelayExtension;
import dev.clauderelay.plugin.api.Transformer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loads every plugin jar of a folder with PF4J, instantiates each extension once, and rejects a
 * folder where a jar fails to load or two plugins declare the same extension id for the same
 * extension point, naming both. Plain Java, so tests load real jars from a temporary folder.
 */
public final class PluginLoader {

  /** The extension points the relay looks up by id. */
  static final List<Class<? extends RelayExtension>> EXTENSION_POINTS =
      List.of(KeySelectionStrategy.class, Transformer.class, ProviderPreset.class);

  private static final Logger LOG = Logger.getLogger(PluginLoader.class.getName());

  private PluginLoader() {}

  /** The outcome of a load: the PF4J manager (kept to stop plugins) and what was found. */
  public record Result(PluginManager manager, List<LoadedPlugin> plugins) {}

  public static Result load(Path pluginsDir) {
    if (!Files.isDirectory(pluginsDir)) {
      LOG.warning(
          () ->
              "The plugins folder "
                  + pluginsDir
                  + " does not exist: no strategies, transformers or presets are loaded");
      return new Result(null, List.of());
    }
    PluginManager manager = new JarPluginManager(pluginsDir);
    manager.loadPlugins();
    failOnJarsThatDidNotLoad(manager, pluginsDir);
    manager.startPlugins();

    Map<String, LoadedExtension> byPointAndId = new HashMap<>();
    List<LoadedPlugin> plugins = new ArrayList<>();
    for (PluginWrapper plugin : manager.getPlugins()) {
      if (plugin.getPluginState() != PluginState.STARTED) {
        throw new PluginLoadingException(
            "Plugin '"
                + plugin.getPluginId()
                + "' ("
                + plugin.getPluginPath()
                + ") did not start: "
                + describeFailure(plugin));
      }
      List<LoadedExtension> extensions = new ArrayList<>();
      for (Class<? extends RelayExtension> point : EXTENSION_POINTS) {
        for (RelayExtension extension : manager.getExtensions(point, plugin.getPluginId())) {
          LoadedExtension loaded = describe(point, extension, plugin);
          LoadedExtension earlier =
              byPointAndId.putIfAbsent(point.getName() + "/" + loaded.id(), loaded);
          if (earlier != null) {
            throw duplicate(point, loaded, earlier, manager);
          }
          extensions.add(loaded);
        }
      }
      plugins.add(
          new LoadedPlugin(
              plugin.getPluginId(),
              plugin.getDescriptor().getVersion(),
              plugin.getDescriptor().getProvider(),
              plugin.getDescriptor().getPluginDescription(),
              plugin.getPluginPath().getFileName().toString(),
              plugin.getPluginState().toString(),
              List.copyOf(extensions)));
    }
    return new Result(manager, List.copyOf(plugins));
  }

  /**
   * Stops and unloads every plugin, closing their jars. PF4J 3.15's own {@code stopPlugins()} fails
   * with a ConcurrentModificationException, so plugins are stopped one by one.
   */
  public static void unload(PluginManager manager) {
    if (manager == null) {
      return;
    }
    List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
    java.util.Collections.reverse(started);
    for (PluginWrapper plugin : started) {
      try {
        manager.stopPlugin(plugin.getPluginId());
      } catch (RuntimeException e) {
        LOG.warning(() -> "Plugin " + plugin.getPluginId() + " failed to stop: " + e);
      }
    }
    manager.unloadPlugins();
  }

  private static LoadedExtension describe(
      Class<? extends RelayExtension> point, RelayExtension extension, PluginWrapper plugin) {
    String id = extension.id();
    if (id == null || id.isBlank()) {
      throw new PluginLoadingException(
          "Plugin '"
              + plugin.getPluginId()
              + "' ("
              + plugin.getPluginPath()
              + ") declares a "
              + point.getSimpleName()
              + " without an id: "
              + extension.getClass().getName());
    }
    return new LoadedExtension(
        point.getSimpleName(), id, plugin.getPluginId(), extension.description(), extension);
  }

  private static PluginLoadingException duplicate(
      Class<? extends RelayExtension> point,
      LoadedExtension second,
      LoadedExtension first,
      PluginManager manager) {
    return new PluginLoadingException(
        "Two plugins declare the "
            + point.getSimpleName()
            + " '"
            + second.id()
            + "': plugin '"
            + first.pluginId()
            + "' ("
            + manager.getPlugin(first.pluginId()).getPluginPath()
            + ") and plugin '"
            + second.pluginId()
            + "' ("
            + manager.getPlugin(second.pluginId()).getPluginPath()
            + "). Remove one of them from the plugins folder.");
  }

  /**
   * PF4J logs a jar it cannot load and goes on; the relay refuses instead, so an admin never runs
   * without a plugin they dropped in. Loading the jar again alone surfaces PF4J's reason.
   */
  private static void failOnJarsThatDidNotLoad(PluginManager manager, Path pluginsDir) {
    Set<Path> loaded =
        manager.getPlugins().stream()
            .map(plugin -> plugin.getPluginPath().toAbsolutePath().normalize())
            .collect(Collectors.toSet());
    List<String> failures = new ArrayList<>();
    try (var files = Files.list(pluginsDir)) {
      for (Path jar :
          files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
        if (!loaded.contains(jar.toAbsolutePath().normalize())) {
          failures.add(jar.getFileName() + ": " + reasonItDoesNotLoad(manager, jar));
        }
      }
    } catch (java.io.IOException e) {
      throw new PluginLoadingException("Cannot list the plugins folder " + pluginsDir + ": " + e);
    }
    if (!failures.isEmpty()) {
      throw new PluginLoadingException(
          "Plugin jars in " + pluginsDir + " could not be loaded: " + String.join("; ", failures));
    }
  }

  private static String reasonItDoesNotLoad(PluginManager manager, Path jar) {
    try {
      String id = manager.loadPlugin(jar);
      manager.unloadPlugin(id);
      return "not loaded by PF4J";
    } catch (RuntimeException e) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
  }

  private static String describeFailure(PluginWrapper plugin) {
    Throwable error = plugin.getFailedException();
    return error == null ? "state " + plugin.getPluginState() : String.valueOf(error.getMessage());
  }
}
