package dev.clauderelay.gateway.domain.model.route;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** A routing rule: which requests it takes and the ordered targets that serve them. */
@Entity
@Table(name = "route")
public class Route {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "position", nullable = false)
  private int position;

  @Enumerated(EnumType.STRING)
  @Column(name = "scenario", nullable = false, length = 32)
  private RouteScenario scenario;

  @Column(name = "match_pattern", nullable = false, length = 200)
  private String matchPattern;

  @Column(name = "provider_id", nullable = false)
  private long providerId;

  @Column(name = "upstream_model", length = 200)
  private String upstreamModel;

  @Column(name = "fallbacks", nullable = false)
  @Convert(converter = RouteTargetListConverter.class)
  private List<RouteTarget> fallbacks;

  @Column(name = "threshold")
  private Long threshold;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private LocalDateTime updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Route() {}

  public Route(RouteScenario scenario, String matchPattern, long providerId) {
    this.scenario = scenario;
    this.matchPattern = matchPattern;
    this.providerId = providerId;
    this.fallbacks = List.of();
    this.enabled = true;
    this.createdAt = LocalDateTime.now(ZoneOffset.UTC);
    this.updatedAt = createdAt;
  }

  public void configure(
      int newPosition,
      RouteScenario newScenario,
      String newPattern,
      long newProviderId,
      String newUpstreamModel,
      List<RouteTarget> newFallbacks,
      Long newThreshold,
      boolean newEnabled) {
    this.position = newPosition;
    this.scenario = newScenario;
    this.matchPattern = newPattern;
    this.providerId = newProviderId;
    this.upstreamModel = newUpstreamModel;
    this.fallbacks = List.copyOf(newFallbacks);
    this.threshold = newThreshold;
    this.enabled = newEnabled;
    this.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
  }

  public Long id() {
    return id;
  }

  public int position() {
    return position;
  }

  public RouteScenario scenario() {
    return scenario;
  }

  public String matchPattern() {
    return matchPattern;
  }

  public long providerId() {
    return providerId;
  }

  public String upstreamModel() {
    return upstreamModel;
  }

  public List<RouteTarget> fallbacks() {
    return fallbacks;
  }

  public Long threshold() {
    return threshold;
  }

  public boolean enabled() {
    return enabled;
  }
}
