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
 * counters the pool last persisted. The live state is in memory ({@code KeyPools}) and written back
 * in batches; {@code adminRevision} counts the admin's status decisions, which the batch writer
 * never overwrites.
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

  @Column(name = "admin_revision", nullable = false)
  private long adminRevision;

  @Column(name = "failures_key_invalid", nullable = false)
  private long failuresKeyInvalid;

  @Column(name = "failures_quota", nullable = false)
  private long failuresQuota;

  @Column(name = "failures_overloaded", nullable = false)
  private long failuresOverloaded;

  @Column(name = "failures_upstream", nullable = false)
  private long failuresUpstream;

  @Column(name = "client_errors", nullable = false)
  private long clientErrors;

  @Column(name = "latency_ms_total", nullable = false)
  private long latencyMsTotal;

  @Column(name = "latency_count", nullable = false)
  private long latencyCount;

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

  /** Sets the per-key limits; {@code null} for none. */
  public void limits(Integer newRpmLimit, Integer newConcurrencyLimit) {
    this.rpmLimit = newRpmLimit;
    this.concurrencyLimit = newConcurrencyLimit;
    this.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
  }

  /**
   * An admin decides the key's status (enables or disables it): a new revision, so that the pool
   * takes this status over its live one and the batch writer cannot overwrite it.
   */
  public void decideStatus(KeyStatus newStatus, String reason) {
    changeStatus(newStatus, null, reason);
    this.adminRevision++;
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

  public LocalDateTime lastErrorAt() {
    return lastErrorAt;
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }

  public long adminRevision() {
    return adminRevision;
  }

  public long failuresKeyInvalid() {
    return failuresKeyInvalid;
  }

  public long failuresQuota() {
    return failuresQuota;
  }

  public long failuresOverloaded() {
    return failuresOverloaded;
  }

  public long failuresUpstream() {
    return failuresUpstream;
  }

  public long clientErrors() {
    return clientErrors;
  }

  public long latencyMsTotal() {
    return latencyMsTotal;
  }

  public long latencyCount() {
    return latencyCount;
  }
}
