package dev.clauderelay.gateway.domain.model.provider;

import dev.clauderelay.gateway.domain.shared.StringListConverter;
import dev.clauderelay.gateway.domain.shared.StringMapConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An upstream the relay sends requests to: where it is, what it speaks, how keys are chosen. Its
 * keys are {@link ProviderKey} rows.
 */
@Entity
@Table(name = "provider")
public class Provider {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "name", nullable = false, length = 100)
  private String name;

  @Column(name = "kind", nullable = false, length = 32)
  @Convert(converter = ProviderKindConverter.class)
  private ProviderKind kind;

  @Column(name = "base_url", nullable = false, length = 1000)
  private String baseUrl;

  @Column(name = "transformer_id", length = 100)
  private String transformerId;

  @Column(name = "strategy_id", nullable = false, length = 100)
  private String strategyId;

  @Column(name = "models", nullable = false)
  @Convert(converter = StringListConverter.class)
  private List<String> models;

  @Column(name = "model_aliases", nullable = false)
  @Convert(converter = StringMapConverter.class)
  private Map<String, String> modelAliases;

  @Column(name = "betas_to_drop", nullable = false)
  @Convert(converter = StringListConverter.class)
  private List<String> betasToDrop;

  @Column(name = "connect_timeout_ms", nullable = false)
  private int connectTimeoutMs;

  @Column(name = "first_byte_timeout_ms", nullable = false)
  private int firstByteTimeoutMs;

  @Column(name = "stream_idle_timeout_ms", nullable = false)
  private int streamIdleTimeoutMs;

  @Column(name = "total_timeout_ms", nullable = false)
  private int totalTimeoutMs;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "session_affinity", nullable = false)
  private boolean sessionAffinity;

  @Column(name = "claude_accounts", nullable = false)
  private boolean claudeAccounts;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Provider() {}

  public Provider(String name, ProviderKind kind, String baseUrl) {
    this.name = name;
    this.kind = kind;
    this.baseUrl = baseUrl;
    this.strategyId = "round-robin";
    this.models = List.of();
    this.modelAliases = Map.of();
    this.betasToDrop = List.of();
    this.connectTimeoutMs = 10_000;
    this.firstByteTimeoutMs = 300_000;
    this.streamIdleTimeoutMs = 300_000;
    this.totalTimeoutMs = ProviderSettings.DEFAULT_TOTAL_TIMEOUT_MS;
    this.enabled = true;
    this.createdAt = LocalDateTime.now(ZoneOffset.UTC);
    this.updatedAt = createdAt;
  }

  /** Applies an admin's settings; the caller has validated them. */
  public void configure(ProviderSettings settings) {
    this.name = settings.name();
    this.kind = settings.kind();
    this.baseUrl = settings.baseUrl();
    this.transformerId = settings.transformerId();
    this.strategyId = settings.strategyId();
    this.models = List.copyOf(settings.models());
    this.modelAliases = Collections.unmodifiableMap(new LinkedHashMap<>(settings.modelAliases()));
    this.betasToDrop = List.copyOf(settings.betasToDrop());
    this.connectTimeoutMs = settings.connectTimeoutMs();
    this.firstByteTimeoutMs = settings.firstByteTimeoutMs();
    this.streamIdleTimeoutMs = settings.streamIdleTimeoutMs();
    this.totalTimeoutMs = settings.totalTimeoutMs();
    this.enabled = settings.enabled();
    this.sessionAffinity = settings.sessionAffinity();
    this.claudeAccounts = settings.claudeAccounts();
    this.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
  }

  public ProviderSettings settings() {
    return new ProviderSettings(
        name,
        kind,
        baseUrl,
        transformerId,
        strategyId,
        models,
        modelAliases,
        betasToDrop,
        connectTimeoutMs,
        firstByteTimeoutMs,
        streamIdleTimeoutMs,
        totalTimeoutMs,
        enabled,
        sessionAffinity,
        claudeAccounts);
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public ProviderKind kind() {
    return kind;
  }

  public LocalDateTime createdAt() {
    return createdAt;
  }

  public LocalDateTime updatedAt() {
    return updatedAt;
  }
}
