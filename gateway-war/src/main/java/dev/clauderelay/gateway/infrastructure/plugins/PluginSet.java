package dev.clauderelay.gateway.infrastructure.plugins;

import dev.clauderelay.gateway.infrastructure.plugins.PluginChangeRefused.Reason;
import dev.clauderelay.gateway.infrastructure.plugins.PluginJarInspection.Descriptor;
import dev.clauderelay.gateway.infrastructure.plugins.PluginJarInspection.InvalidPluginJar;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.PluginApi;
import dev.clauderelay.plugin.api.ProviderPreset;
import dev.clauderelay.plugin.api.RelayExtension;
import dev.clauderelay.plugin.api.Transformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;

/**
 * The plugin jars of one folder, loaded with one PF4J manager and changed at run time: install,
 * enable, disable, remove. A jar that cannot be used (not a zip, no extension index, built for
 * another plugin API major, an extension whose constructor throws, an id another plugin has) is
 * kept in the list as {@link LoadedPlugin#FAILED} with the reason and contributes nothing; it never
 * stops the others. Plain Java, so tests load real jars from a temporary folder.
 *
 * <p>Changes are serialised on this object; readers take {@link #snapshot()}, an immutable value
 * swapped after each change, without a lock. Which plugins are disabled is kept by PF4J in the
 * folder's {@code disabled.txt}, so it survives a restart.
 */
public final class PluginSet implements AutoCloseable {

  /** The extension points the relay looks up by id. */
  static final List<Class<? extends RelayExtension>> EXTENSION_POINTS =
      List.of(KeySelectionStrategy.class, Transformer.class, ProviderPreset.class);

  private static final Logger LOG = Logger.getLogger(PluginSet.class.getName());

  /** What the relay reads: every plugin and the extensions of the started ones, by id. */
  public record Snapshot(
      List<LoadedPlugin> plugins,
      Map<String, KeySelectionStrategy> strategies,
      Map<String, Transformer> transformers,
      Map<String, ProviderPreset> presets) {

    static final Snapshot EMPTY = new Snapshot(List.of(), Map.of(), Map.of(), Map.of());
  }

  private final Path dir;
  private final RelayPluginManager manager;

  /** By jar file name, in load order. Guarded by this. */
  private final Map<String, LoadedPlugin> entries = new LinkedHashMap<>();

  private volatile Snapshot snapshot = Snapshot.EMPTY;

  private PluginSet(Path dir) {
    this.dir = dir;
    this.manager = new RelayPluginManager(dir);
    manager.setSystemVersion(PluginApi.VERSION);
  }

  /** Loads every {@code *.jar} of {@code dir}, in name order; never fails because of a jar. */
  public static PluginSet open(Path dir) {
    PluginSet set = new PluginSet(dir);
    if (!Files.isDirectory(dir)) {
      LOG.warning(
          () ->
              "The plugins folder "
                  + dir
                  + " does not exist: no strategies, transformers or presets are loaded");
      return set;
    }
    synchronized (set) {
      try (var files = Files.list(dir)) {
        for (Path jar :
            files
                .filter(p -> p.getFileName().toString().endsWith(".jar"))
                .filter(Files::isRegularFile)
                .sorted()
                .toList()) {
          set.remember(set.load(jar));
        }
      } catch (IOException e) {
        LOG.log(Level.SEVERE, "Cannot list the plugins folder " + dir, e);
      }
      set.publish();
    }
    return set;
  }

  public Path dir() {
    return dir;
  }

  public Snapshot snapshot() {
    return snapshot;
  }

  /**
   * Checks the jar at {@code upload} (a temporary file the caller wrote), moves it into the folder
   * under a name of the relay's choosing ({@code <id>-<version>.jar}) and starts it.
   *
   * @throws PluginChangeRefused INVALID when the jar is not a usable plugin (and then nothing
   *     changed), CONFLICT when its id or one of its extension ids is taken
   */
  public synchronized LoadedPlugin install(Path upload) {
    Descriptor descriptor;
    try {
      descriptor = PluginJarInspection.inspect(upload, manager.getVersionManager());
    } catch (InvalidPluginJar e) {
      throw new PluginChangeRefused(Reason.INVALID, e.getMessage());
    }
    for (LoadedPlugin existing : entries.values()) {
      if (existing.id().equals(descriptor.id())) {
        throw new PluginChangeRefused(
            Reason.CONFLICT,
            "A plugin with id '"
                + descriptor.id()
                + "' is installed already ("
                + existing.jar()
                + ", "
                + existing.state()
                + "): remove it first to install another version.");
      }
    }
    Path target = dir.resolve(descriptor.id() + "-" + descriptor.version() + ".jar");
    if (!target.normalize().getParent().equals(dir.normalize()) || Files.exists(target)) {
      throw new PluginChangeRefused(
          Reason.CONFLICT, "The plugins folder holds " + target.getFileName() + " already.");
    }
    try {
      Files.createDirectories(dir);
      Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write " + target + ": " + e, e);
    }
    LoadedPlugin loaded = load(target);
    if (LoadedPlugin.FAILED.equals(loaded.state())) {
      deleteQuietly(target);
      throw new PluginChangeRefused(
          loaded.error().contains("already declares") ? Reason.CONFLICT : Reason.INVALID,
          loaded.error());
    }
    remember(loaded);
    publish();
    return loaded;
  }

  /** Stops a started plugin and keeps it stopped across restarts. */
  public synchronized LoadedPlugin disable(String key) {
    LoadedPlugin plugin = find(key);
    if (LoadedPlugin.FAILED.equals(plugin.state())) {
      throw new PluginChangeRefused(
          Reason.CONFLICT, "Plugin '" + plugin.id() + "' failed to load; remove it instead.");
    }
    if (LoadedPlugin.STARTED.equals(plugin.state())) {
      manager.disablePlugin(plugin.id());
    }
    LoadedPlugin disabled =
        new LoadedPlugin(
            plugin.id(),
            plugin.version(),
            plugin.provider(),
            plugin.description(),
            plugin.jar(),
            LoadedPlugin.DISABLED,
            plugin.requires(),
            null,
            plugin.extensions().stream()
                .map(
                    e ->
                        new LoadedExtension(
                            e.point(), e.id(), e.pluginId(), e.description(), e.kind(), null))
                .toList());
    remember(disabled);
    publish();
    return disabled;
  }

  /**
   * Starts a disabled plugin, or loads again a jar that failed (after, say, the plugin it clashed
   * with was removed).
   */
  public synchronized LoadedPlugin enable(String key) {
    LoadedPlugin plugin = find(key);
    if (LoadedPlugin.STARTED.equals(plugin.state())) {
      return plugin;
    }
    if (LoadedPlugin.DISABLED.equals(plugin.state())) {
      manager.enablePlugin(plugin.id());
      unloadQuietly(plugin.id());
    } else {
      manager.status().enablePlugin(plugin.id());
    }
    LoadedPlugin loaded = load(dir.resolve(plugin.jar()));
    remember(loaded);
    publish();
    if (LoadedPlugin.FAILED.equals(loaded.state())) {
      throw new PluginChangeRefused(Reason.CONFLICT, loaded.error());
    }
    return loaded;
  }

  /** Stops and unloads a plugin and deletes its jar from the folder. */
  public synchronized LoadedPlugin remove(String key) {
    LoadedPlugin plugin = find(key);
    if (!LoadedPlugin.FAILED.equals(plugin.state())) {
      manager.status().enablePlugin(plugin.id());
      unloadQuietly(plugin.id());
    }
    entries.remove(plugin.jar());
    deleteQuietly(dir.resolve(plugin.jar()));
    publish();
    return plugin;
  }

  /** The plugin of that id (a started or disabled one first), or of that jar file name. */
  public synchronized LoadedPlugin find(String key) {
    LoadedPlugin byJar = entries.get(key);
    LoadedPlugin failedMatch = null;
    for (LoadedPlugin plugin : entries.values()) {
      if (plugin.id().equals(key)) {
        if (!LoadedPlugin.FAILED.equals(plugin.state())) {
          return plugin;
        }
        failedMatch = failedMatch == null ? plugin : failedMatch;
      }
    }
    if (failedMatch != null) {
      return failedMatch;
    }
    if (byJar != null) {
      return byJar;
    }
    throw new PluginChangeRefused(Reason.NOT_FOUND, "No plugin '" + key + "' is installed.");
  }

  @Override
  public synchronized void close() {
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
    entries.clear();
    snapshot = Snapshot.EMPTY;
  }

  private void remember(LoadedPlugin plugin) {
    entries.put(plugin.jar(), plugin);
    if (LoadedPlugin.FAILED.equals(plugin.state())) {
      LOG.warning(() -> "Plugin jar " + plugin.jar() + " is not loaded: " + plugin.error());
    } else {
      LOG.info(
          () ->
              "Plugin "
                  + plugin.id()
                  + " "
                  + plugin.version()
                  + " "
                  + plugin.state().toLowerCase(java.util.Locale.ROOT)
                  + " from "
                  + plugin.jar()
                  + plugin.extensions().stream()
                      .map(LoadedExtension::id)
                      .collect(java.util.stream.Collectors.joining(" ", " [", "]")));
    }
  }

  /** Loads and starts one jar; every problem becomes a FAILED entry, with PF4J left clean. */
  private LoadedPlugin load(Path jar) {
    String name = jar.getFileName().toString();
    Descriptor descriptor;
    try {
      descriptor = PluginJarInspection.inspect(jar, manager.getVersionManager());
    } catch (InvalidPluginJar e) {
      return LoadedPlugin.failed(
          PluginJarInspection.idOf(jar).orElse(name), name, "", e.getMessage());
    }
    String id = descriptor.id();
    for (LoadedPlugin other : entries.values()) {
      if (other.id().equals(id)
          && !other.jar().equals(name)
          && !LoadedPlugin.FAILED.equals(other.state())) {
        return LoadedPlugin.failed(
            id,
            name,
            descriptor.requires(),
            "Plugin id '" + id + "' is already used by " + other.jar() + ".");
      }
    }
    try {
      manager.loadPlugin(jar);
    } catch (RuntimeException e) {
      return LoadedPlugin.failed(
          id, name, descriptor.requires(), "PF4J cannot load the jar: " + message(e));
    }
    PluginWrapper wrapper = manager.getPlugin(id);
    if (wrapper.getPluginState() == PluginState.DISABLED) {
      return describe(wrapper, descriptor, LoadedPlugin.DISABLED, null, List.of());
    }
    try {
      PluginState state = manager.startPlugin(id);
      if (state != PluginState.STARTED) {
        Throwable failure = wrapper.getFailedException();
        return unloadAsFailed(
            wrapper,
            descriptor,
            "It did not start (" + state + ")" + (failure == null ? "." : ": " + message(failure)));
      }
    } catch (RuntimeException e) {
      return unloadAsFailed(wrapper, descriptor, "It failed to start: " + message(e));
    }
    List<LoadedExtension> extensions = new ArrayList<>();
    Set<String> instantiated = new HashSet<>();
    for (Class<? extends RelayExtension> point : EXTENSION_POINTS) {
      List<? extends RelayExtension> found;
      try {
        found = manager.getExtensions(point, id);
      } catch (RuntimeException | LinkageError e) {
        return unloadAsFailed(
            wrapper,
            descriptor,
            "A " + point.getSimpleName() + " extension cannot be created: " + message(e));
      }
      for (RelayExtension extension : found) {
        instantiated.add(extension.getClass().getName());
        String problem = clash(point, extension, id);
        if (problem != null) {
          return unloadAsFailed(wrapper, descriptor, problem);
        }
        extensions.add(describe(point, extension, id));
      }
    }
    Set<String> indexed = new HashSet<>(manager.getExtensionClassNames(id));
    indexed.removeAll(instantiated);
    if (!indexed.isEmpty()) {
      String missing = indexed.iterator().next();
      return unloadAsFailed(
          wrapper,
          descriptor,
          "Its extension "
              + missing
              + " cannot be created: "
              + whyNotCreated(missing, manager.getPluginClassLoader(id)));
    }
    if (extensions.isEmpty()) {
      return unloadAsFailed(wrapper, descriptor, "It contributes no relay extension.");
    }
    return describe(wrapper, descriptor, LoadedPlugin.STARTED, null, List.copyOf(extensions));
  }

  /** Why an extension cannot join the set, or null: a blank id, or an id another plugin has. */
  private String clash(
      Class<? extends RelayExtension> point, RelayExtension extension, String pluginId) {
    String extensionId;
    try {
      extensionId = extension.id();
    } catch (RuntimeException e) {
      return "Its " + point.getSimpleName() + " " + extension.getClass().getName() + " fails: " + e;
    }
    if (extensionId == null || extensionId.isBlank()) {
      return "It declares a "
          + point.getSimpleName()
          + " without an id: "
          + extension.getClass().getName()
          + ".";
    }
    for (LoadedPlugin other : entries.values()) {
      if (!LoadedPlugin.STARTED.equals(other.state()) || other.id().equals(pluginId)) {
        continue;
      }
      for (LoadedExtension taken : other.extensions()) {
        if (taken.point().equals(point.getSimpleName()) && taken.id().equals(extensionId)) {
          return "Plugin '"
              + pluginId
              + "' declares the "
              + point.getSimpleName()
              + " '"
              + extensionId
              + "' that plugin '"
              + other.id()
              + "' ("
              + other.jar()
              + ") already declares. Remove one of them.";
        }
      }
    }
    return null;
  }

  private static LoadedExtension describe(
      Class<? extends RelayExtension> point, RelayExtension extension, String pluginId) {
    String kind = null;
    if (extension instanceof Transformer transformer) {
      kind = transformer.upstreamKind();
    } else if (extension instanceof ProviderPreset preset) {
      kind = preset.kind();
    }
    return new LoadedExtension(
        point.getSimpleName(), extension.id(), pluginId, extension.description(), kind, extension);
  }

  private static LoadedPlugin describe(
      PluginWrapper wrapper,
      Descriptor descriptor,
      String state,
      String error,
      List<LoadedExtension> extensions) {
    var pf4j = wrapper.getDescriptor();
    return new LoadedPlugin(
        descriptor.id(),
        nullToEmpty(pf4j.getVersion()),
        nullToEmpty(pf4j.getProvider()),
        nullToEmpty(pf4j.getPluginDescription()),
        wrapper.getPluginPath().getFileName().toString(),
        state,
        descriptor.requires(),
        error,
        extensions);
  }

  private LoadedPlugin unloadAsFailed(PluginWrapper wrapper, Descriptor descriptor, String error) {
    LoadedPlugin failed = describe(wrapper, descriptor, LoadedPlugin.FAILED, error, List.of());
    unloadQuietly(descriptor.id());
    return failed;
  }

  private void unloadQuietly(String id) {
    try {
      if (manager.getPlugin(id) == null) {
        return;
      }
      if (manager.getPlugin(id).getPluginState() == PluginState.STARTED) {
        manager.stopPlugin(id);
      }
      manager.unloadPlugin(id);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Plugin " + id + " did not unload cleanly", e);
    }
  }

  private void publish() {
    Map<String, KeySelectionStrategy> strategies = new LinkedHashMap<>();
    Map<String, Transformer> transformers = new LinkedHashMap<>();
    Map<String, ProviderPreset> presets = new LinkedHashMap<>();
    for (LoadedPlugin plugin : entries.values()) {
      if (!LoadedPlugin.STARTED.equals(plugin.state())) {
        continue;
      }
      for (LoadedExtension extension : plugin.extensions()) {
        RelayExtension instance = extension.instance();
        if (instance instanceof KeySelectionStrategy strategy) {
          strategies.putIfAbsent(extension.id(), strategy);
        } else if (instance instanceof Transformer transformer) {
          transformers.putIfAbsent(extension.id(), transformer);
        } else if (instance instanceof ProviderPreset preset) {
          presets.putIfAbsent(extension.id(), preset);
        }
      }
    }
    snapshot =
        new Snapshot(
            List.copyOf(entries.values()),
            java.util.Collections.unmodifiableMap(strategies),
            java.util.Collections.unmodifiableMap(transformers),
            java.util.Collections.unmodifiableMap(presets));
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warning(() -> "Cannot delete " + file + ": " + e);
    }
  }

  /** PF4J logs why an extension cannot be created and goes on; asking again gives the reason. */
  private static String whyNotCreated(String className, ClassLoader loader) {
    try {
      Class<?> type = Class.forName(className, true, loader);
      if (!RelayExtension.class.isAssignableFrom(type)) {
        return "it is not a relay extension (Transformer, StreamTranslator's factory, ProviderPreset"
            + " or KeySelectionStrategy)";
      }
      type.getDeclaredConstructor().newInstance();
      return "unknown (see the log)";
    } catch (java.lang.reflect.InvocationTargetException e) {
      return "its constructor threw " + message(e.getCause());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return message(e) + " (built against another plugin API, or a missing dependency?)";
    }
  }

  private static String message(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String text = cause.getMessage() == null ? "" : ": " + cause.getMessage();
    return PluginJarInspection.printable(cause.getClass().getSimpleName() + text);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  /** PF4J's jar manager, with the status provider (the disabled list) within reach. */
  private static final class RelayPluginManager extends JarPluginManager {
    RelayPluginManager(Path dir) {
      super(dir);
    }

    PluginStatusProvider status() {
      return pluginStatusProvider;
    }
  }
}
