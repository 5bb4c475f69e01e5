package dev.clauderelay.gateway.domain.model.clientkey;

import dev.clauderelay.gateway.domain.shared.StringListConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A key the relay issued to a client (a developer, a CI job). Only its SHA-256 is stored: the key
 * itself is shown once, when created.
 */
@Entity
@Table(name = "client_key")
public class ClientKey {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "name", nullable = false, length = 100)
  private String name;

  @Column(name = "key_hash", nullable = false, length = 64)
  private String keyHash;

  @Column(name = "masked", nullable = false, length = 64)
  private String masked;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "allowed_models", nullable = false)
  @Convert(converter = StringListConverter.class)
  private List<String> allowedModels;

  @Column(name = "rpm_limit")
  private Integer rpmLimit;

  @Column(name = "expires_at")
  private LocalDateTime expiresAt;

  @Column(name = "daily_cost_limit", precision = 18, scale = 6)
  private BigDecimal dailyCostLimit;

  @Column(name = "weekly_cost_limit", precision = 18, scale = 6)
  private BigDecimal weeklyCostLimit;

  @Column(name = "monthly_cost_limit", precision = 18, scale = 6)
  private BigDecimal monthlyCostLimit;

  @Column(name = "daily_token_limit")
  private Long dailyTokenLimit;

  @Column(name = "weekly_token_limit")
  private Long weeklyTokenLimit;

  @Column(name = "monthly_token_limit")
  private Long monthlyTokenLimit;

  @Column(name = "concurrency_limit")
  private Integer concurrencyLimit;

  @Column(name = "last_used_at")
  private LocalDateTime lastUsedAt;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected ClientKey() {}

  public ClientKey(String name, String keyHash, String masked) {
    this.name = name;
    this.keyHash = keyHash;
    this.masked = masked;
    this.enabled = true;
    this.allowedModels = List.of("*");
    this.createdAt = LocalDateTime.now(ZoneOffset.UTC);
    this.updatedAt = createdAt;
  }

  /** Applies an admin's limits; {@code allowedModels} holds exact names or {@code *} patterns. */
  public void limit(
      boolean newEnabled,
      List<String> newAllowedModels,
      Integer newRpmLimit,
      LocalDateTime expiry) {
    this.enabled = newEnabled;
    this.allowedModels = List.copyOf(newAllowedModels);
    this.rpmLimit = newRpmLimit;
    this.expiresAt = expiry;
    this.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
  }

  /**
   * Applies an admin's budget: cost limits in the prices' currency, token limits, requests in
   * flight; {@code null} for no limit.
   */
  public void budget(
      BigDecimal daily,
      BigDecimal weekly,
      BigDecimal monthly,
      Long dailyTokens,
      Long weeklyTokens,
      Long monthlyTokens,
      Integer concurrency) {
    this.dailyCostLimit = daily;
    this.weeklyCostLimit = weekly;
    this.monthlyCostLimit = monthly;
    this.dailyTokenLimit = dailyTokens;
    this.weeklyTokenLimit = weeklyTokens;
    this.monthlyTokenLimit = monthlyTokens;
    this.concurrencyLimit = concurrency;
    this.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
  }

  public BigDecimal dailyCostLimit() {
    return dailyCostLimit;
  }

  public BigDecimal weeklyCostLimit() {
    return weeklyCostLimit;
  }

  public BigDecimal monthlyCostLimit() {
    return monthlyCostLimit;
  }

  public Long dailyTokenLimit() {
    return dailyTokenLimit;
  }

  public Long weeklyTokenLimit() {
    return weeklyTokenLimit;
  }

  public Long monthlyTokenLimit() {
    return monthlyTokenLimit;
  }

  public Integer concurrencyLimit() {
    return concurrencyLimit;
  }

  /** Replaces the secret (the config file names a key in clear; the hash is what changes). */
  public void rekey(String newHash, String newMasked) {
    this.keyHash = newHash;
    this.masked = newMasked;
    this.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String keyHash() {
    return keyHash;
  }

  public String masked() {
    return masked;
  }

  public boolean enabled() {
    return enabled;
  }

  public List<String> allowedModels() {
    return allowedModels;
  }

  public Integer rpmLimit() {
    return rpmLimit;
  }

  public LocalDateTime expiresAt() {
    return expiresAt;
  }

  public LocalDateTime lastUsedAt() {
    return lastUsedAt;
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }
}
