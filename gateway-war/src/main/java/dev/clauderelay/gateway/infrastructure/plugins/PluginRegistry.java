package dev.clauderelay.gateway.infrastructure.plugins;

import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import dev.clauderelay.gateway.infrastructure.config.StartupFailure;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.ProviderPreset;
import dev.clauderelay.plugin.api.RelayExtension;
import dev.clauderelay.plugin.api.Transformer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.pf4j.PluginManager;

/**
 * The plugins of {@code RELAY_PLUGINS_DIR}, loaded once at startup; the relay finds strategies,
 * transformers and presets here by id. A folder that cannot be loaded as it is (a broken jar, two
 * plugins declaring one id) stops startup with a message naming the jars.
 *
 * <p>Read-only after startup, so lookups take no lock.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PluginRegistry {

  private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

  @Inject private RelayConfig config;

  private PluginManager manager;
  private Path pluginsDir;
  private List<LoadedPlugin> plugins = List.of();
  private Map<String, KeySelectionStrategy> strategies = Map.of();
  private Map<String, Transformer> transformers = Map.of();
  private Map<String, ProviderPreset> presets = Map.of();

  @PostConstruct
  void load() {
    pluginsDir = config.pluginsDir();
    PluginLoader.Result result;
    try {
      result = PluginLoader.load(pluginsDir);
    } catch (RuntimeException e) {
      throw StartupFailure.report(e);
    }
    manager = result.manager();
    plugins = result.plugins();
    strategies = byId(KeySelectionStrategy.class);
    transformers = byId(Transformer.class);
    presets = byId(ProviderPreset.class);
    LOG.log(
        Level.INFO,
        "Loaded {0} plugin(s) from {1}: {2}",
        new Object[] {
          plugins.size(),
          pluginsDir,
          plugins.stream()
              .map(p -> p.id() + " " + p.version() + " " + extensionIds(p))
              .collect(Collectors.joining(", "))
        });
  }

  @PreDestroy
  void stop() {
    PluginLoader.unload(manager);
  }

  public Path pluginsDir() {
    return pluginsDir;
  }

  public List<LoadedPlugin> plugins() {
    return plugins;
  }

  public Optional<KeySelectionStrategy> strategy(String id) {
    return Optional.ofNullable(strategies.get(id));
  }

  public Map<String, KeySelectionStrategy> strategies() {
    return strategies;
  }

  public Optional<Transformer> transformer(String id) {
    return Optional.ofNullable(transformers.get(id));
  }

  /** The transformer serving a provider kind by default, such as {@code openai}. */
  public Optional<Transformer> transformerForKind(String kind) {
    return transformers.values().stream().filter(t -> t.upstreamKind().equals(kind)).findFirst();
  }

  public Map<String, Transformer> transformers() {
    return transformers;
  }

  public Map<String, ProviderPreset> presets() {
    return presets;
  }

  private <T extends RelayExtension> Map<String, T> byId(Class<T> point) {
    return plugins.stream()
        .flatMap(plugin -> plugin.extensions().stream())
        .filter(extension -> point.isInstance(extension.instance()))
        .collect(
            Collectors.toUnmodifiableMap(
                LoadedExtension::id, extension -> point.cast(extension.instance()), (a, b) -> a));
  }

  private static String extensionIds(LoadedPlugin plugin) {
    return plugin.extensions().stream()
        .map(LoadedExtension::id)
        .collect(Collectors.joining(" ", "[", "]"));
  }
}
