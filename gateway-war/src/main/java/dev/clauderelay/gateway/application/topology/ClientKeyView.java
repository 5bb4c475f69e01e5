package dev.clauderelay.gateway.application.topology;

import dev.clauderelay.gateway.application.budget.Budget;
import dev.clauderelay.gateway.application.routing.ModelPattern;
import java.util.List;

/**
 * A client key as the request path checks it.
 *
 * @param rpmLimit requests per minute, 0 for none
 * @param expiresAtMillis 0 for never
 * @param budget its cost, token and concurrency limits
 */
public record ClientKeyView(
    long id,
    String name,
    boolean enabled,
    List<ModelPattern> allowedModels,
    int rpmLimit,
    long expiresAtMillis,
    Budget budget) {

  public boolean allows(String model) {
    for (ModelPattern pattern : allowedModels) {
      if (pattern.matches(model)) {
        return true;
      }
    }
    return false;
  }
}
