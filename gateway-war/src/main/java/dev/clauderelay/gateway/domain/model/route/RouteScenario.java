package dev.clauderelay.gateway.domain.model.route;

/**
 * When a route applies. {@link #MODEL} routes match the requested model by name or pattern; the
 * scenario routes match a kind of request whatever its model; {@link #DEFAULT} catches the rest.
 */
public enum RouteScenario {
  /** The requested model matches the route's pattern. */
  MODEL,
  /** Background work: the requested model matches the pattern (by default {@code *haiku*}). */
  BACKGROUND,
  /** The request's estimated input tokens exceed the route's threshold. */
  LONG_CONTEXT,
  /** The request asks for extended thinking. */
  THINK,
  /** Every request no other route took: the admin's selected model. */
  DEFAULT
}
