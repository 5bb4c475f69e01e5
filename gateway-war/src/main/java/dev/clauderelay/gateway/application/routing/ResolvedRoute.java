package dev.clauderelay.gateway.application.routing;

import java.util.List;

/**
 * The targets of a request in the order they are tried: the route's own, then its fallbacks.
 *
 * @param description which rule matched, for logs and error messages
 */
public record ResolvedRoute(String description, List<RouteTarget> targets) {}
