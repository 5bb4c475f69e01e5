package dev.clauderelay.admin.web;

import dev.clauderelay.admin.api.ClientKeyBudget;
import dev.clauderelay.admin.api.ClientKeyRequest;
import dev.clauderelay.admin.api.ClientKeyView;
import dev.clauderelay.admin.relay.RelayAdminClient;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The client keys tab: the keys clients use to reach the relay, with their limits (models, requests
 * per minute, expiry). A new key is shown once, right after it is created, and forgotten as soon as
 * its dialog closes.
 */
@Named
@ViewScoped
public class ClientKeys implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private RelayAdminClient relay;
  @Inject private ConsoleCalls calls;

  private List<ClientKeyView> keys = List.of();
  private Long editingId;
  private String name;
  private String modelsText = "*";
  private Integer rpmLimit;
  private LocalDate expiresOn;
  private BigDecimal dailyCost;
  private BigDecimal monthlyCost;
  private Integer concurrency;

  /** The budget of the key being edited, kept whole: the form edits three of its limits. */
  private ClientKeyBudget budget;

  /** The clear key of the key just created; transient: never written into saved view state. */
  private transient String issuedKey;

  private String issuedName;

  public void load() {
    keys = calls.attempt("clientKeys.loadFailed", relay::clientKeys).orElse(List.of());
  }

  public void newKey() {
    editingId = null;
    name = null;
    modelsText = "*";
    rpmLimit = null;
    expiresOn = null;
    dailyCost = null;
    monthlyCost = null;
    concurrency = null;
    budget = null;
  }

  public void edit(ClientKeyView key) {
    editingId = key.id();
    name = key.name();
    modelsText = key.modelsText();
    rpmLimit = key.rpmLimit() == null || key.rpmLimit() == 0 ? null : key.rpmLimit();
    expiresOn =
        key.expiresAt() == null ? null : LocalDate.ofInstant(key.expiresAt(), ZoneOffset.UTC);
    budget = key.budget();
    dailyCost = budget == null ? null : budget.dailyCost();
    monthlyCost = budget == null ? null : budget.monthlyCost();
    concurrency = budget == null ? null : budget.concurrency();
  }

  public void save() {
    ClientKeyRequest draft = draft(editingId == null);
    if (editingId == null) {
      calls
          .attempt("clientKeys.createFailed", who -> relay.createClientKey(who, draft))
          .ifPresent(
              issued -> {
                issuedKey = issued.clientKey().key();
                issuedName = issued.clientKey().name();
                load();
              });
    } else {
      calls
          .attempt("clientKeys.saveFailed", who -> relay.updateClientKey(who, editingId, draft))
          .ifPresent(
              saved -> {
                calls.info("clientKeys.saved", saved.name());
                editingId = null;
                load();
              });
    }
  }

  /**
   * The request for the API. An expiry is the end of the chosen day (UTC); on an update, no date
   * means no expiry (sent as an empty {@code expiresAt}).
   */
  ClientKeyRequest draft(boolean creating) {
    String expiry =
        expiresOn == null
            ? (creating ? null : "")
            : expiresOn
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .minusSeconds(1)
                .toString();
    List<String> models = ProviderForm.splitList(modelsText);
    return new ClientKeyRequest(
        name == null ? null : name.strip(),
        models.isEmpty() ? List.of("*") : models,
        rpmLimit == null ? 0 : rpmLimit,
        expiry,
        null,
        draftBudget());
  }

  /** The budget to send: the form's three limits over the key's other ones, kept as they were. */
  ClientKeyBudget draftBudget() {
    ClientKeyBudget kept =
        budget == null ? new ClientKeyBudget(null, null, null, null, null, null, null) : budget;
    return new ClientKeyBudget(
        dailyCost,
        kept.weeklyCost(),
        monthlyCost,
        kept.dailyTokens(),
        kept.weeklyTokens(),
        kept.monthlyTokens(),
        concurrency);
  }

  public BigDecimal getDailyCost() {
    return dailyCost;
  }

  public void setDailyCost(BigDecimal dailyCost) {
    this.dailyCost = dailyCost;
  }

  public BigDecimal getMonthlyCost() {
    return monthlyCost;
  }

  public void setMonthlyCost(BigDecimal monthlyCost) {
    this.monthlyCost = monthlyCost;
  }

  public Integer getConcurrency() {
    return concurrency;
  }

  public void setConcurrency(Integer concurrency) {
    this.concurrency = concurrency;
  }

  /** The dialog showing the new key closed: the console forgets it. */
  public void forgetIssuedKey() {
    issuedKey = null;
    issuedName = null;
  }

  public void toggle(ClientKeyView key) {
    boolean enable = !key.enabled();
    calls
        .attempt(
            "clientKeys.saveFailed",
            who ->
                relay.updateClientKey(
                    who, key.id(), new ClientKeyRequest(null, null, null, null, enable)))
        .ifPresent(
            saved ->
                calls.info(enable ? "clientKeys.enabled" : "clientKeys.disabled", saved.name()));
    load();
  }

  public void delete(ClientKeyView key) {
    if (calls.run("clientKeys.deleteFailed", who -> relay.deleteClientKey(who, key.id()))) {
      calls.info("clientKeys.deleted", key.name());
    }
    load();
  }

  public List<ClientKeyView> getKeys() {
    return keys;
  }

  public Long getEditingId() {
    return editingId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getModelsText() {
    return modelsText;
  }

  public void setModelsText(String modelsText) {
    this.modelsText = modelsText;
  }

  public Integer getRpmLimit() {
    return rpmLimit;
  }

  public void setRpmLimit(Integer rpmLimit) {
    this.rpmLimit = rpmLimit;
  }

  public LocalDate getExpiresOn() {
    return expiresOn;
  }

  public void setExpiresOn(LocalDate expiresOn) {
    this.expiresOn = expiresOn;
  }

  public String getIssuedKey() {
    return issuedKey;
  }

  public String getIssuedName() {
    return issuedName;
  }
}
