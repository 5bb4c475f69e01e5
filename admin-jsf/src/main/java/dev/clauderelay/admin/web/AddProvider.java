package dev.clauderelay.admin.web;

import dev.clauderelay.admin.api.PluginCatalog;
import dev.clauderelay.admin.api.PresetView;
import dev.clauderelay.admin.relay.RelayAdminClient;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The add-provider page: pick a kind and a preset, and the form takes the preset's name, URL,
 * models, transformer and strategy; saving returns to the providers tab.
 */
@Named
@ViewScoped
public class AddProvider implements Serializable {

  private static final long serialVersionUID = 1L;

  static final List<String> KINDS = List.of("anthropic", "openai", "openai-responses", "gemini");

  @Inject private RelayAdminClient relay;
  @Inject private ConsoleCalls calls;

  private List<PresetView> presets = List.of();
  private List<String> transformers = List.of();
  private List<String> strategies = List.of();
  private String presetId;
  private final ProviderForm form = new ProviderForm();

  public void load() {
    presets = calls.attempt("addProvider.presetsFailed", relay::presets).orElse(List.of());
    calls
        .attempt(
            "addProvider.pluginsFailed", who -> relay.plugins(who.token(), who.browserAddress()))
        .ifPresent(
            catalog -> {
              transformers = ProviderList.extensionIds(catalog, PluginCatalog.TRANSFORMER);
              strategies = ProviderList.extensionIds(catalog, PluginCatalog.STRATEGY);
            });
    if (presetId == null) {
      presetsOfKind().stream().findFirst().ifPresent(p -> choosePreset(p.id()));
    }
  }

  /** The kind changed: offer its presets and take the first one's defaults. */
  public void kindChanged() {
    presetId = null;
    presetsOfKind().stream().findFirst().ifPresent(p -> choosePreset(p.id()));
  }

  public void presetChanged() {
    choosePreset(presetId);
  }

  private void choosePreset(String id) {
    Optional<PresetView> preset = presets.stream().filter(p -> p.id().equals(id)).findFirst();
    presetId = preset.map(PresetView::id).orElse(null);
    preset.ifPresent(form::apply);
  }

  public List<PresetView> presetsOfKind() {
    return presets.stream().filter(p -> p.kind().equals(form.getKind())).toList();
  }

  /** Creates the provider and returns to the providers tab, which says it was added. */
  public String save() {
    return calls
        .attempt("addProvider.saveFailed", who -> relay.saveProvider(who, null, form.draft()))
        .map(
            saved -> {
              calls.info("providers.added", saved.name());
              jakarta.faces.context.FacesContext.getCurrentInstance()
                  .getExternalContext()
                  .getFlash()
                  .setKeepMessages(true);
              return "providers?faces-redirect=true";
            })
        .orElse(null);
  }

  public List<String> getKinds() {
    return KINDS;
  }

  public List<String> getTransformers() {
    return transformers;
  }

  public List<String> getStrategies() {
    return strategies;
  }

  public String getPresetId() {
    return presetId;
  }

  public void setPresetId(String presetId) {
    this.presetId = presetId;
  }

  public PresetView getPreset() {
    return presets.stream().filter(p -> p.id().equals(presetId)).findFirst().orElse(null);
  }

  public ProviderForm getForm() {
    return form;
  }
}
