package dev.clauderelay.admin.web;

import dev.clauderelay.admin.relay.Provider;
import dev.clauderelay.admin.relay.ProviderDraft;
import dev.clauderelay.admin.relay.RelayAdminClient;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
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

  public void load() {
    providers = calls.attempt("providers.loadFailed", relay::providers).orElse(List.of());
  }

  public void edit(Provider provider) {
    editingId = provider.id();
    form = ProviderForm.of(provider);
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
}
