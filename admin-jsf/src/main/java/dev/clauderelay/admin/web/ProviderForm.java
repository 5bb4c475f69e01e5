package dev.clauderelay.admin.web;

import dev.clauderelay.admin.api.PresetView;
import dev.clauderelay.admin.api.ProviderRequest;
import dev.clauderelay.admin.api.ProviderView;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** The fields of the add and edit provider forms, and what they mean to the admin API. */
public class ProviderForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String name;
  private String kind = "openai";
  private String baseUrl;
  private String modelsText;
  private String transformer;
  private String strategy;
  private boolean enabled = true;
  private boolean sessionAffinity;
  private boolean claudeAccounts;

  static ProviderForm of(ProviderView provider) {
    ProviderForm form = new ProviderForm();
    form.name = provider.name();
    form.kind = provider.kind();
    form.baseUrl = provider.baseUrl();
    form.modelsText = provider.modelsText();
    form.transformer = provider.transformer();
    form.strategy = provider.strategy();
    form.enabled = provider.enabled();
    form.sessionAffinity = provider.sessionAffinity();
    form.claudeAccounts = provider.claudeAccounts();
    return form;
  }

  /** Takes a preset's defaults; the name too, unless the admin typed one already. */
  void apply(PresetView preset) {
    if (name == null || name.isBlank()) {
      name = preset.id();
    }
    kind = preset.kind();
    baseUrl = preset.baseUrl();
    modelsText = String.join(", ", preset.models());
    transformer = preset.transformer();
    strategy = preset.strategy();
  }

  /** Claude accounts are offered for an anthropic provider only; the relay refuses them else. */
  public boolean isAnthropic() {
    return "anthropic".equals(kind);
  }

  /** The request for the API; the fields the form does not show are left out (kept). */
  ProviderRequest draft() {
    return new ProviderRequest(
        trim(name),
        kind,
        trim(baseUrl),
        transformer == null ? "" : transformer.strip(),
        trim(strategy),
        splitList(modelsText),
        null,
        null,
        null,
        null,
        null,
        null,
        enabled,
        sessionAffinity,
        isAnthropic() && claudeAccounts);
  }

  /** Only the enabled flag: for the enable / disable switch of a provider row. */
  static ProviderRequest enabledOnly(boolean enabled) {
    return new ProviderRequest(
        null, null, null, null, null, null, null, null, null, null, null, null, enabled, null,
        null);
  }

  /** Splits a list typed as {@code a, b} or one per line; blanks dropped. */
  static List<String> splitList(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split("[,\\n]"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String trim(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String getModelsText() {
    return modelsText;
  }

  public void setModelsText(String modelsText) {
    this.modelsText = modelsText;
  }

  public String getTransformer() {
    return transformer;
  }

  public void setTransformer(String transformer) {
    this.transformer = transformer;
  }

  public String getStrategy() {
    return strategy;
  }

  public void setStrategy(String strategy) {
    this.strategy = strategy;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean isSessionAffinity() {
    return sessionAffinity;
  }

  public void setSessionAffinity(boolean sessionAffinity) {
    this.sessionAffinity = sessionAffinity;
  }

  public boolean isClaudeAccounts() {
    return claudeAccounts;
  }

  public void setClaudeAccounts(boolean claudeAccounts) {
    this.claudeAccounts = claudeAccounts;
  }
}
