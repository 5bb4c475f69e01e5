package dev.clauderelay.gateway.domain.model.provider;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One API key of a provider's pool: the secret (encrypted), its admin settings and the state and
 * counters the pool last persisted. The live state is in memory ({@code KeyHealthRegistry}) and
 * written back in batches.
 */
@Entity
@Table(name = "provider_key")
public class ProviderKey {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "provider_id", nullable = false)
  private long providerId;

  @Column(name = "secret_ciphertext", nullable = false, length = 2048)
  private String secretCiphertext;

  @Column(name = "secret_fingerprint", nullable = false, length = 64)
  private String secretFingerprint;

  @Column(name = "masked", nullable = false, length = 64)
  private String masked;

  @Column(name = "label", length = 200)
  private String label;

  @Column(name = "weight", nullable = false)
  private int weight;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private KeyStatus status;

  @Column(name = "status_until")
  private LocalDateTime statusUntil;

  @Column(name = "status_reason", length = 500)
  private String statusReason;

  @Column(name = "rpm_limit")
  private Integer rpmLimit;

  @Column(name = "concurrency_limit")
  private Integer concurrencyLimit;

  @Column(name = "total_requests", nullable = false)
  private long totalRequests;

  @Column(name = "total_successes", nullable = false)
  private long totalSuccesses;

  @Column(name = "total_failures", nullable = false)
  private long totalFailures;

  @Column(name = "rate_limited_count", nullable = false)
  private long rateLimitedCount;

  @Column(name = "last_used_at")
  private LocalDateTime lastUsedAt;

  @Column(name = "last_error", length = 500)
  private String lastError;

  @Column(name = "last_error_at")
  private LocalDateTime lastErrorAt;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  protected ProviderKey() {}

  public ProviderKey(
      long providerId, String secretCiphertext, String secretFingerprint, String masked) {
    this.providerId = providerId;
    this.secretCiphertext = secretCiphertext;
    this.secretFingerprint = secretFingerprint;
    this.masked = masked;
    this.weight = 1;
    this.status = KeyStatus.ACTIVE;
    this.createdAt = LocalDateTime.now(ZoneOffset.UTC);
    this.updatedAt = createdAt;
  }

  public void changeStatus(KeyStatus newStatus, LocalDateTime until, String reason) {
    this.status = newStatus;
    this.statusUntil = until;
    this.statusReason = reason;
    this.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
  }

  public void label(String newLabel, int newWeight) {
    this.label = newLabel;
    this.weight = Math.max(1, newWeight);
    this.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
  }

  public Long id() {
    return id;
  }

  public long providerId() {
    return providerId;
  }

  public String secretCiphertext() {
    return secretCiphertext;
  }

  public String secretFingerprint() {
    return secretFingerprint;
  }

  public String masked() {
    return masked;
  }

  public String label() {
    return label;
  }

  public int weight() {
    return weight;
  }

  public KeyStatus status() {
    return status;
  }

  public LocalDateTime statusUntil() {
    return statusUntil;
  }

  public String statusReason() {
    return statusReason;
  }

  public Integer rpmLimit() {
    return rpmLimit;
  }

  public Integer concurrencyLimit() {
    return concurrencyLimit;
  }

  public long totalRequests() {
    return totalRequests;
  }

  public long totalSuccesses() {
    return totalSuccesses;
  }

  public long totalFailures() {
    return totalFailures;
  }

  public long rateLimitedCount() {
    return rateLimitedCount;
  }

  public LocalDateTime lastUsedAt() {
    return lastUsedAt;
  }

  public String lastError() {
    return lastError;
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }
}
