package dev.clauderelay.gateway.interfaces.health;

import dev.clauderelay.gateway.interfaces.rest.PublicAccess;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code GET /health} and {@code GET /v1/health}: the same answer under both prefixes. */
public final class HealthResource {

  private HealthResource() {}

  /** {@code /health}. */
  @Path("health")
  @PublicAccess("load balancers probe it without credentials")
  public static class Root {
    @Inject private HealthCheck health;

    @GET
    public Response get() {
      return health.check();
    }
  }

  /** {@code /v1/health}, for clients that only know the API's prefix. */
  @Path("v1/health")
  @PublicAccess("load balancers probe it without credentials")
  public static class V1 {
    @Inject private HealthCheck health;

    @GET
    public Response get() {
      return health.check();
    }
  }
}
