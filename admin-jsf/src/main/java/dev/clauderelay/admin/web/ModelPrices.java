package dev.clauderelay.admin.web;

import dev.clauderelay.admin.api.PriceRequest;
import dev.clauderelay.admin.api.PriceView;
import dev.clauderelay.admin.relay.RelayAdminClient;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * The prices tab: what a million tokens of each kind cost per model or model pattern, as each
 * request is priced; add, change and delete a price.
 */
@Named
@ViewScoped
public class ModelPrices implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private RelayAdminClient relay;
  @Inject private ConsoleCalls calls;

  private List<PriceView> prices = List.of();
  private Long editingId;
  private String model;
  private String currency = "USD";
  private BigDecimal input;
  private BigDecimal output;
  private BigDecimal cacheWrite;
  private BigDecimal cacheRead;
  private String note;

  public void load() {
    prices = calls.attempt("prices.loadFailed", relay::prices).orElse(List.of());
  }

  public void newPrice() {
    editingId = null;
    model = null;
    currency = "USD";
    input = null;
    output = null;
    cacheWrite = null;
    cacheRead = null;
    note = null;
  }

  public void edit(PriceView price) {
    editingId = price.id();
    model = price.model();
    currency = price.currency();
    input = price.inputPerMtok();
    output = price.outputPerMtok();
    cacheWrite = price.cacheWritePerMtok();
    cacheRead = price.cacheReadPerMtok();
    note = price.note();
  }

  /** The request for the API; empty cache prices let the relay use 1.25x and 0.1x input. */
  PriceRequest draft() {
    return new PriceRequest(
        model == null ? null : model.strip(),
        currency == null || currency.isBlank() ? null : currency.strip(),
        input,
        output,
        cacheWrite,
        cacheRead,
        note == null ? "" : note.strip());
  }

  public void save() {
    PriceRequest draft = draft();
    if (editingId == null) {
      calls
          .attempt("prices.saveFailed", who -> relay.createPrice(who, draft))
          .ifPresent(saved -> calls.info("prices.saved", saved.model()));
    } else {
      calls
          .attempt("prices.saveFailed", who -> relay.updatePrice(who, editingId, draft))
          .ifPresent(saved -> calls.info("prices.saved", saved.model()));
    }
    load();
  }

  public void delete(PriceView price) {
    if (calls.run("prices.deleteFailed", who -> relay.deletePrice(who, price.id()))) {
      calls.info("prices.deleted", price.model());
    }
    load();
  }

  public List<PriceView> getPrices() {
    return prices;
  }

  public Long getEditingId() {
    return editingId;
  }

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public BigDecimal getInput() {
    return input;
  }

  public void setInput(BigDecimal input) {
    this.input = input;
  }

  public BigDecimal getOutput() {
    return output;
  }

  public void setOutput(BigDecimal output) {
    this.output = output;
  }

  public BigDecimal getCacheWrite() {
    return cacheWrite;
  }

  public void setCacheWrite(BigDecimal cacheWrite) {
    this.cacheWrite = cacheWrite;
  }

  public BigDecimal getCacheRead() {
    return cacheRead;
  }

  public void setCacheRead(BigDecimal cacheRead) {
    this.cacheRead = cacheRead;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
