package dev.clauderelay.admin.api;

import java.io.Serializable;

/** Where a route sends a request: a provider (by name) and the upstream model, null to keep it. */
public record RouteTarget(String provider, String model) implements Serializable {

  /** {@code provider} or {@code provider/model}, as pages show and edit it. */
  public String text() {
    return model == null || model.isEmpty() ? provider : provider + "/" + model;
  }
}
