package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/admin/config/export}: the live configuration in the shape of the configuration
 * file, secrets masked; a field at its default is left out, as a person would leave it out of the
 * file.
 *
 * @param defaultRoute absent without a default route
 */
public record ConfigExport(
    List<Provider> providers,
    List<Route> routes,
    @JsonInclude(JsonInclude.Include.NON_NULL) DefaultRoute defaultRoute,
    List<ClientKey> clientKeys)
    implements Serializable {

  /** A provider's settings and its keys, masked. */
  public record Provider(
      String name,
      String kind,
      String baseUrl,
      @JsonInclude(JsonInclude.Include.NON_NULL) String transformer,
      String strategy,
      List<String> models,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> modelAliases,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> betasToDrop,
      int connectTimeoutMs,
      int firstByteTimeoutMs,
      int streamIdleTimeoutMs,
      int totalTimeoutMs,
      boolean enabled,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean sessionAffinity,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean claudeAccounts,
      List<String> keys)
      implements Serializable {}

  /**
   * A routing rule other than the default.
   *
   * @param scenario absent for {@code model}, the default scenario
   * @param enabled absent unless false
   */
  public record Route(
      @JsonInclude(JsonInclude.Include.NON_NULL) String scenario,
      String match,
      String provider,
      @JsonInclude(JsonInclude.Include.NON_NULL) String model,
      List<Target> fallbacks,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long threshold,
      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean enabled)
      implements Serializable {}

  /**
   * Where requests go when no rule matches.
   *
   * @param enabled absent unless false
   */
  public record DefaultRoute(
      String provider,
      @JsonInclude(JsonInclude.Include.NON_NULL) String model,
      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean enabled)
      implements Serializable {}

  /** A fallback: a provider and, when set, the upstream model. */
  public record Target(String provider, @JsonInclude(JsonInclude.Include.NON_NULL) String model)
      implements Serializable {}

  /**
   * A client key, masked.
   *
   * @param enabled absent unless false
   */
  public record ClientKey(
      String name,
      String key,
      List<String> models,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer rpmLimit,
      @JsonInclude(JsonInclude.Include.NON_NULL) Instant expiresAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean enabled)
      implements Serializable {}
}
