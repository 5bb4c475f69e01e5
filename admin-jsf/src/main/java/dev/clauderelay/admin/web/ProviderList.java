package dev.clauderelay.admin.web;

import dev.clauderelay.admin.api.PluginCatalog;
import dev.clauderelay.admin.api.ProviderRequest;
import dev.clauderelay.admin.api.ProviderView;
import dev.clauderelay.admin.relay.RelayAdminClient;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The providers tab: every provider with its kind, address, pool size and availability; editing,
 * enabling or disabling and deleting one; the way to its key pool.
 */
@Named
@ViewScoped
public class ProviderList implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private RelayAdminClient relay;
  @Inject private ConsoleCalls calls;

  private List<ProviderView> providers = List.of();
  private ProviderForm form = new ProviderForm();
  private Long editingId;
  private List<String> transformers = List.of();
  private List<String> strategies = List.of();

  public void load() {
    providers = calls.attempt("providers.loadFailed", relay::providers).orElse(List.of());
  }

  /** Opens the edit form, offering the transformers and strategies the relay's plugins have. */
  public void edit(ProviderView provider) {
    editingId = provider.id();
    form = ProviderForm.of(provider);
    calls
        .attempt(
            "addProvider.pluginsFailed", who -> relay.plugins(who.token(), who.browserAddress()))
        .ifPresent(
            catalog -> {
              transformers =
                  withCurrent(
                      extensionIds(catalog, PluginCatalog.TRANSFORMER), form.getTransformer());
              strategies =
                  withCurrent(extensionIds(catalog, PluginCatalog.STRATEGY), form.getStrategy());
            });
  }

  /** The ids of an extension point's implementations the plugins offer, sorted. */
  public static List<String> extensionIds(PluginCatalog catalog, String point) {
    return catalog.plugins().stream()
        .flatMap(p -> p.extensions().stream())
        .filter(e -> point.equals(e.point()))
        .map(PluginCatalog.Extension::id)
        .distinct()
        .sorted()
        .toList();
  }

  /**
   * The choices, and the provider's current value when no plugin offers it any more (its jar was
   * removed): the form shows what the provider has, and saving does not change it unasked.
   */
  static List<String> withCurrent(List<String> choices, String current) {
    if (current == null || current.isBlank() || choices.contains(current)) {
      return choices;
    }
    List<String> all = new ArrayList<>(choices);
    all.add(current);
    return List.copyOf(all);
  }

  public void save() {
    if (editingId == null) {
      return;
    }
    ProviderRequest draft = form.draft();
    calls
        .attempt("providers.saveFailed", who -> relay.saveProvider(who, editingId, draft))
        .ifPresent(
            saved -> {
              calls.info("providers.saved", saved.name());
              editingId = null;
              load();
            });
  }

  public void toggle(ProviderView provider) {
    boolean enable = !provider.enabled();
    calls
        .attempt(
            "providers.saveFailed",
            who -> relay.saveProvider(who, provider.id(), ProviderForm.enabledOnly(enable)))
        .ifPresent(
            saved -> calls.info(enable ? "providers.enabled" : "providers.disabled", saved.name()));
    load();
  }

  public void delete(ProviderView provider) {
    if (calls.run("providers.deleteFailed", who -> relay.deleteProvider(who, provider.id()))) {
      calls.info("providers.deleted", provider.name());
    }
    load();
  }

  public List<ProviderView> getProviders() {
    return providers;
  }

  public ProviderForm getForm() {
    return form;
  }

  public Long getEditingId() {
    return editingId;
  }

  public List<String> getTransformers() {
    return transformers;
  }

  public List<String> getStrategies() {
    return strategies;
  }
}
