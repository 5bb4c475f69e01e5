package dev.clauderelay.gateway.application.admin;

import dev.clauderelay.gateway.application.topology.TopologyChanged;
import dev.clauderelay.gateway.domain.model.provider.Provider;
import dev.clauderelay.gateway.domain.model.provider.ProviderKind;
import dev.clauderelay.gateway.domain.model.provider.ProviderRepository;
import dev.clauderelay.gateway.domain.model.provider.ProviderSettings;
import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import dev.clauderelay.gateway.infrastructure.plugins.LoadedExtension;
import dev.clauderelay.gateway.infrastructure.plugins.LoadedPlugin;
import dev.clauderelay.gateway.infrastructure.plugins.PluginChangeRefused;
import dev.clauderelay.gateway.infrastructure.plugins.PluginRegistry;
import dev.clauderelay.gateway.infrastructure.plugins.PluginSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Lists, uploads, enables, disables and removes plugins at run time, without restarting the relay:
 * PF4J stops and loads the one plugin, then the in-memory topology is rebuilt so routes pick up the
 * new transformers and strategies. A plugin a provider uses is disabled or removed only when
 * forced. Every change is audited.
 */
@ApplicationScoped
@Transactional
public class PluginAdminService {

  @Inject private PluginRegistry registry;
  @Inject private ProviderRepository providers;
  @Inject private RelayConfig config;
  @Inject private Audit audit;
  @Inject private Event<TopologyChanged> changed;

  /** A plugin as the admin sees it: what it is and the providers that use it. */
  public record PluginUse(LoadedPlugin plugin, List<String> usedBy) {}

  public List<PluginUse> list() {
    List<Provider> all = providers.all();
    return registry.plugins().stream().map(p -> new PluginUse(p, usedBy(p, all))).toList();
  }

  public String pluginsDir() {
    return registry.pluginsDir().toString();
  }

  public long maxUploadBytes() {
    return config.maxPluginBytes();
  }

  /**
   * Reads a jar from {@code body}, at most {@link #maxUploadBytes()} bytes (counted while reading),
   * checks it and starts it.
   */
  public PluginUse install(InputStream body, AdminActor actor) {
    PluginSet set = registry.set();
    Path upload = null;
    try {
      Path uploads = Files.createDirectories(set.dir().resolve(".uploads"));
      upload = Files.createTempFile(uploads, "upload-", ".part");
      copyBounded(body, upload, maxUploadBytes());
      Path received = upload;
      LoadedPlugin installed = refusedAsAdminError(() -> set.install(received));
      audit.record(
          actor,
          "plugin.install",
          "plugin",
          installed.id(),
          installed.version() + " as " + installed.jar() + " " + extensionIds(installed));
      changed.fire(new TopologyChanged("plugin " + installed.id() + " installed"));
      return new PluginUse(installed, List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store the uploaded plugin: " + e.getMessage(), e);
    } finally {
      if (upload != null) {
        try {
          Files.deleteIfExists(upload);
        } catch (IOException ignored) {
          // a leftover part file is harmless: it is not a .jar
        }
      }
    }
  }

  public PluginUse enable(String id, AdminActor actor) {
    LoadedPlugin enabled = refusedAsAdminError(() -> registry.set().enable(id));
    audit.record(actor, "plugin.enable", "plugin", enabled.id(), extensionIds(enabled));
    changed.fire(new TopologyChanged("plugin " + enabled.id() + " enabled"));
    return new PluginUse(enabled, usedBy(enabled, providers.all()));
  }

  /**
   * Stops a plugin. Refused when a provider uses it, unless {@code force}: then those providers
   * stop serving (their problem says the transformer or strategy is not loaded) until it is
   * enabled.
   */
  public PluginUse disable(String id, boolean force, AdminActor actor) {
    LoadedPlugin plugin = refusedAsAdminError(() -> registry.set().find(id));
    List<String> users = usedBy(plugin, providers.all());
    refuseWhenUsed(plugin, users, force, "disable");
    LoadedPlugin disabled = refusedAsAdminError(() -> registry.set().disable(id));
    audit.record(
        actor,
        "plugin.disable",
        "plugin",
        disabled.id(),
        users.isEmpty() ? "unused" : "forced; used by " + String.join(", ", users));
    changed.fire(new TopologyChanged("plugin " + disabled.id() + " disabled"));
    return new PluginUse(disabled, users);
  }

  /** Unloads a plugin and deletes its jar; refused as {@link #disable} is. */
  public PluginUse remove(String id, boolean force, AdminActor actor) {
    LoadedPlugin plugin = refusedAsAdminError(() -> registry.set().find(id));
    List<String> users = usedBy(plugin, providers.all());
    refuseWhenUsed(plugin, users, force, "remove");
    LoadedPlugin removed = refusedAsAdminError(() -> registry.set().remove(id));
    audit.record(
        actor,
        "plugin.remove",
        "plugin",
        removed.id(),
        removed.jar() + (users.isEmpty() ? "" : "; forced, used by " + String.join(", ", users)));
    changed.fire(new TopologyChanged("plugin " + removed.id() + " removed"));
    return new PluginUse(removed, users);
  }

  private static void refuseWhenUsed(
      LoadedPlugin plugin, List<String> users, boolean force, String verb) {
    if (!users.isEmpty() && !force) {
      throw new ConflictException(
          "Plugin '"
              + plugin.id()
              + "' is used by provider(s) "
              + String.join(", ", users)
              + ": change their transformer or strategy first, or "
              + verb
              + " it with force=true (they then stop serving until it is back).");
    }
  }

  /** The providers whose transformer or key selection strategy the plugin contributes. */
  static List<String> usedBy(LoadedPlugin plugin, List<Provider> all) {
    List<String> users = new ArrayList<>();
    for (Provider provider : all) {
      ProviderSettings settings = provider.settings();
      boolean uses = false;
      for (LoadedExtension extension : plugin.extensions()) {
        switch (extension.point()) {
          case "KeySelectionStrategy" -> uses |= extension.id().equals(settings.strategyId());
          case "Transformer" ->
              uses |=
                  settings.transformerId() != null
                      ? extension.id().equals(settings.transformerId())
                      : settings.kind() != ProviderKind.ANTHROPIC
                          && settings.kind().wireName().equals(extension.kind());
          default -> {}
        }
      }
      if (uses) {
        users.add(settings.name());
      }
    }
    return List.copyOf(users);
  }

  private static String extensionIds(LoadedPlugin plugin) {
    return plugin.extensions().stream().map(e -> e.point() + ":" + e.id()).toList().toString();
  }

  private static <T> T refusedAsAdminError(java.util.function.Supplier<T> change) {
    try {
      return change.get();
    } catch (PluginChangeRefused e) {
      Function<String, RuntimeException> mapped =
          switch (e.reason()) {
            case INVALID -> message -> new InvalidInputException("jar", message);
            case CONFLICT -> ConflictException::new;
            case NOT_FOUND -> NotFoundException::new;
          };
      throw mapped.apply(e.getMessage());
    }
  }

  /** Copies at most {@code max} bytes, refusing the body as soon as it holds more. */
  static void copyBounded(InputStream body, Path target, long max) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      int read;
      while ((read = body.read(buffer)) > 0) {
        total += read;
        if (total > max) {
          throw new InvalidInputException(
              "jar", "the plugin jar is larger than " + max + " bytes (RELAY_MAX_PLUGIN_BYTES).");
        }
        out.write(buffer, 0, read);
      }
    }
    if (total == 0) {
      throw new InvalidInputException(
          "jar", "the body is empty: send the plugin jar as the request body.");
    }
  }
}
