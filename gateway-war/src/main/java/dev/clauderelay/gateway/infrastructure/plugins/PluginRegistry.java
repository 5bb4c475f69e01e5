package dev.clauderelay.gateway.infrastructure.plugins;

import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.ProviderPreset;
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

/**
 * The plugins of {@code RELAY_PLUGINS_DIR}: loaded at startup, changed at run time by the admin API
 * ({@link #plugins()} for the set itself), and read here by id. A jar that cannot be loaded is
 * listed with its reason and contributes nothing; the relay starts without it.
 *
 * <p>Lookups read the set's current immutable snapshot and take no lock.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PluginRegistry {

  private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

  @Inject private RelayConfig config;

  private PluginSet set;

  @PostConstruct
  void load() {
    set = PluginSet.open(config.pluginsDir());
    List<LoadedPlugin> all = set.snapshot().plugins();
    long failed = all.stream().filter(p -> LoadedPlugin.FAILED.equals(p.state())).count();
    LOG.log(
        failed == 0 ? Level.INFO : Level.WARNING,
        "Plugins of {0}: {1} jar(s), {2} failed to load (GET /api/admin/plugins says why)",
        new Object[] {set.dir(), all.size(), failed});
  }

  @PreDestroy
  void stop() {
    set.close();
  }

  public Path pluginsDir() {
    return set.dir();
  }

  /** The set itself, for the admin use cases that change it. */
  public PluginSet set() {
    return set;
  }

  public List<LoadedPlugin> plugins() {
    return set.snapshot().plugins();
  }

  public Optional<KeySelectionStrategy> strategy(String id) {
    return Optional.ofNullable(set.snapshot().strategies().get(id));
  }

  public Map<String, KeySelectionStrategy> strategies() {
    return set.snapshot().strategies();
  }

  public Optional<Transformer> transformer(String id) {
    return Optional.ofNullable(set.snapshot().transformers().get(id));
  }

  /** The transformer serving a provider kind by default, such as {@code openai}. */
  public Optional<Transformer> transformerForKind(String kind) {
    return set.snapshot().transformers().values().stream()
        .filter(t -> t.upstreamKind().equals(kind))
        .findFirst();
  }

  public Map<String, Transformer> transformers() {
    return set.snapshot().transformers();
  }

  public Map<String, ProviderPreset> presets() {
    return set.snapshot().presets();
  }
}
