package dev.clauderelay.gateway.domain.model.price;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The price of a model, or of every model a glob pattern ({@code claude-sonnet-4*}) matches: per
 * million input, output, cache-write and cache-read tokens, in one currency.
 */
@Entity
@Table(name = "model_price")
public class ModelPrice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "model_pattern", nullable = false, length = 200)
  private String modelPattern;

  @Column(name = "currency", nullable = false, length = 3)
  private String currency;

  @Column(name = "input_per_mtok", nullable = false, precision = 18, scale = 6)
  private BigDecimal inputPerMtok;

  @Column(name = "output_per_mtok", nullable = false, precision = 18, scale = 6)
  private BigDecimal outputPerMtok;

  @Column(name = "cache_write_per_mtok", nullable = false, precision = 18, scale = 6)
  private BigDecimal cacheWritePerMtok;

  @Column(name = "cache_read_per_mtok", nullable = false, precision = 18, scale = 6)
  private BigDecimal cacheReadPerMtok;

  @Column(name = "note", length = 300)
  private String note;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected ModelPrice() {}

  public ModelPrice(String modelPattern) {
    this.modelPattern = modelPattern;
    this.currency = "USD";
    this.createdAt = LocalDateTime.now(ZoneOffset.UTC);
    this.updatedAt = createdAt;
  }

  /** Sets the prices per million tokens; the amounts are checked by the caller. */
  public void price(
      String newCurrency,
      BigDecimal input,
      BigDecimal output,
      BigDecimal cacheWrite,
      BigDecimal cacheRead,
      String newNote) {
    this.currency = newCurrency;
    this.inputPerMtok = input;
    this.outputPerMtok = output;
    this.cacheWritePerMtok = cacheWrite;
    this.cacheReadPerMtok = cacheRead;
    this.note = newNote;
    this.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
  }

  public void rename(String pattern) {
    this.modelPattern = pattern;
    this.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
  }

  public Long id() {
    return id;
  }

  public String modelPattern() {
    return modelPattern;
  }

  public String currency() {
    return currency;
  }

  public BigDecimal inputPerMtok() {
    return inputPerMtok;
  }

  public BigDecimal outputPerMtok() {
    return outputPerMtok;
  }

  public BigDecimal cacheWritePerMtok() {
    return cacheWritePerMtok;
  }

  public BigDecimal cacheReadPerMtok() {
    return cacheReadPerMtok;
  }

  public String note() {
    return note;
  }

  public LocalDateTime updatedAt() {
    return updatedAt;
  }
}
