package dev.clauderelay.gateway.application.admin;

import dev.clauderelay.admin.api.ClientKeyBudget;
import java.time.Instant;
import java.util.List;

/**
 * An admin's description of a client key; {@code null} fields keep their current value (or the
 * default on creation).
 *
 * @param key the key itself, only when the admin supplies one (the configuration file); the relay
 *     generates one otherwise
 * @param models allowed model names or {@code *} patterns; default all
 * @param rpmLimit requests per minute; 0 removes the limit
 * @param budget replaces the whole budget when present ({@code null} fields: no limit)
 */
public record ClientKeyInput(
    String name,
    String key,
    List<String> models,
    Integer rpmLimit,
    Instant expiresAt,
    Boolean enabled,
    ClientKeyBudget budget) {

  /** An input that leaves the key's budget as it is. */
  public ClientKeyInput(
      String name,
      String key,
      List<String> models,
      Integer rpmLimit,
      Instant expiresAt,
      Boolean enabled) {
    this(name, key, models, rpmLimit, expiresAt, enabled, null);
  }
}
