package dev.clauderelay.admin.web;

import dev.clauderelay.admin.api.PluginCatalog;
import dev.clauderelay.admin.api.PluginChange;
import dev.clauderelay.admin.relay.RelayAdminClient;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Plugins page: every plugin jar of the relay with its state, extensions, the providers that
 * use it and why it failed to load; upload a jar, enable, disable or remove one. The relay applies
 * each change at once, without a restart. The browser sends a chosen jar as base64 in a form field
 * (no multipart: the console's bodies stay one bounded, ordinary form post); the file input's own
 * value is only the file's name.
 */
@Named
@ViewScoped
public class ManagePlugins implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private RelayAdminClient relay;
  @Inject private ConsoleCalls calls;

  private PluginCatalog catalog = new PluginCatalog("", List.of());
  private boolean force;

  /** The chosen jar as a base64 data URL, set in the browser; transient: never in view state. */
  private transient String jarData;

  private String jarName;

  public void load() {
    catalog = calls.attempt("plugins.loadFailed", relay::plugins).orElse(catalog);
  }

  public void upload() {
    byte[] jar = decode(jarData);
    jarData = null;
    if (jar == null) {
      calls.error("plugins.uploadFailed", "plugins.chooseJar");
      return;
    }
    calls
        .attempt("plugins.uploadFailed", who -> relay.uploadPlugin(who, jar))
        .ifPresent(change -> changed("plugins.installed", change));
    jarName = null;
    load();
  }

  public void enable(PluginCatalog.Plugin plugin) {
    calls
        .attempt("plugins.changeFailed", who -> relay.enablePlugin(who, plugin.id()))
        .ifPresent(change -> changed("plugins.enabled", change));
    load();
  }

  public void disable(PluginCatalog.Plugin plugin) {
    calls
        .attempt("plugins.changeFailed", who -> relay.disablePlugin(who, plugin.id(), force))
        .ifPresent(change -> changed("plugins.disabled", change));
    load();
  }

  public void remove(PluginCatalog.Plugin plugin) {
    String key = PluginCatalog.FAILED.equals(plugin.state()) ? plugin.jar() : plugin.id();
    calls
        .attempt("plugins.changeFailed", who -> relay.removePlugin(who, key, force))
        .ifPresent(change -> changed("plugins.removed", change));
    load();
  }

  /** Says what changed in the console's language: the plugin, its version, who used it. */
  private void changed(String key, PluginChange change) {
    PluginCatalog.Plugin plugin = change.plugin();
    calls.info(key, plugin.id(), plugin.version(), usedBy(plugin));
  }

  static byte[] decode(String data) {
    if (data == null || data.isBlank()) {
      return null;
    }
    String base64 = data.contains(",") ? data.substring(data.indexOf(',') + 1) : data;
    try {
      byte[] bytes = Base64.getDecoder().decode(base64.strip());
      return bytes.length == 0 ? null : bytes;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public List<PluginCatalog.Plugin> getPlugins() {
    return catalog.plugins() == null ? List.of() : catalog.plugins();
  }

  public PluginCatalog getCatalog() {
    return catalog;
  }

  /** The extensions of a plugin, one line: {@code Transformer acme-chat, ProviderPreset acme}. */
  public String extensions(PluginCatalog.Plugin plugin) {
    return Optional.ofNullable(plugin.extensions()).orElse(List.of()).stream()
        .map(extension -> extension.point() + " " + extension.id())
        .collect(Collectors.joining(", "));
  }

  public String usedBy(PluginCatalog.Plugin plugin) {
    return String.join(", ", Optional.ofNullable(plugin.usedBy()).orElse(List.of()));
  }

  public String severity(PluginCatalog.Plugin plugin) {
    return switch (String.valueOf(plugin.state())) {
      case PluginCatalog.STARTED -> "success";
      case PluginCatalog.FAILED -> "danger";
      default -> "secondary";
    };
  }

  public long getMaxUploadMegabytes() {
    return Math.max(1, catalog.maxUploadBytes() / (1024 * 1024));
  }

  public boolean isForce() {
    return force;
  }

  public void setForce(boolean force) {
    this.force = force;
  }

  public String getJarData() {
    return null;
  }

  public void setJarData(String jarData) {
    this.jarData = jarData;
  }

  public String getJarName() {
    return jarName;
  }

  public void setJarName(String jarName) {
    this.jarName = jarName;
  }
}
