package dev.clauderelay.admin.web;

import dev.clauderelay.admin.relay.PluginCatalog;
import dev.clauderelay.admin.relay.Provider;
import dev.clauderelay.admin.relay.ProviderDraft;
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

  private List<Provider> providers = List.of();
  private ProviderForm form = new ProviderForm();
  private Long editingId;
  private List<String> transformers = List.of();
  private List<String> strategies = List.of();

  public void load() {
    providers = calls.attempt("providers.loadFailed", relay::providers).orElse(List.of());
  }

  /** Opens the edit form, offering the transformers and strategies the relay's plugins have. */
  public void edit(Provider provider) {
    editingId = provider.id();
    form = ProviderForm.of(provider);
    calls
        .attempt(
            "addProvider.pluginsFailed", who -> relay.plugins(who.token(), who.browserAddress()))
        .ifPresent(
            catalog -> {
              transformers =
                  withCurrent(
                      catalog.extensionIds(PluginCatalog.TRANSFORMER), form.getTransformer());
              strategies =
                  withCurrent(catalog.extensionIds(PluginCatalog.STRATEGY), form.getStrategy());
            });
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
    ProviderDraft draft = form.draft();
    calls
        .attempt("providers.saveFailed", who -> relay.saveProvider(who, editingId, draft))
        .ifPresent(
            saved -> {
              calls.info("providers.saved", saved.name());
              editingId = null;
              load();
            });
  }

  public void toggle(Provider provider) {
    boolean enable = !provider.enabled();
    calls
        .attempt(
            "providers.saveFailed",
            who -> relay.saveProvider(who, provider.id(), ProviderDraft.enabledOnly(enable)))
        .ifPresent(
            saved -> calls.info(enable ? "providers.enabled" : "providers.disabled", saved.name()));
    load();
  }

  public void delete(Provider provider) {
    if (calls.run("providers.deleteFailed", who -> relay.deleteProvider(who, provider.id()))) {
      calls.info("providers.deleted", provider.name());
    }
    load();
  }

  public List<Provider> getProviders() {
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
