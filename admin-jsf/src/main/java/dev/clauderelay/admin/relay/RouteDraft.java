package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.util.List;

/** What an admin writes about a routing rule; null fields are left out of the request. */
public record RouteDraft(
    String scenario,
    String match,
    String provider,
    String model,
    List<Route.Target> fallbacks,
    Long threshold,
    Boolean enabled)
    implements Serializable {

  private static final long serialVersionUID = 1L;
}
