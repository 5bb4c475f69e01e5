package dev.clauderelay.gateway.application.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routing rules compiled for lookup. A request is served by the first of:
 *
 * <ol>
 *   <li>a model route naming the requested model exactly, then a provider's model alias;
 *   <li>the long-context route, when the estimated input exceeds its threshold;
 *   <li>the thinking route, when the request asks for extended thinking;
 *   <li>the background route, when the model matches its pattern ({@code *haiku*} by default);
 *   <li>the most specific matching model pattern ({@code *haiku*} before {@code *}), then the
 *       earlier one;
 *   <li>the default route (the admin's selected model).
 * </ol>
 *
 * Immutable; built off the request path.
 */
public final class RouteTable {

  /** A compiled rule; {@code targets} holds the route's own target first, then its fallbacks. */
  public record CompiledRoute(
      long id,
      String description,
      ModelPattern pattern,
      long threshold,
      List<RouteTarget> targets) {}

  private final Map<String, CompiledRoute> exact;
  private final Map<String, CompiledRoute> aliases;
  private final List<CompiledRoute> patterns;
  private final CompiledRoute longContext;
  private final CompiledRoute thinking;
  private final CompiledRoute background;
  private final CompiledRoute fallback;

  private RouteTable(Builder builder) {
    this.exact = Map.copyOf(builder.exact);
    this.aliases = Map.copyOf(builder.aliases);
    this.patterns =
        builder.patterns.stream()
            .sorted(
                Comparator.comparingInt((CompiledRoute r) -> r.pattern().specificity()).reversed())
            .toList();
    this.longContext = builder.longContext;
    this.thinking = builder.thinking;
    this.background = builder.background;
    this.fallback = builder.fallback;
  }

  public static RouteTable empty() {
    return new Builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<ResolvedRoute> resolve(String model, RequestTraits traits) {
    String key = model.toLowerCase(java.util.Locale.ROOT);
    CompiledRoute route = exact.get(key);
    if (route == null) {
      route = aliases.get(key);
    }
    if (route == null
        && longContext != null
        && traits.estimatedInputTokens() > longContext.threshold()) {
      route = longContext;
    }
    if (route == null && thinking != null && traits.thinking()) {
      route = thinking;
    }
    if (route == null && background != null && background.pattern().matches(model)) {
      route = background;
    }
    if (route == null) {
      for (CompiledRoute candidate : patterns) {
        if (candidate.pattern().matches(model)) {
          route = candidate;
          break;
        }
      }
    }
    if (route == null) {
      route = fallback;
    }
    return route == null
        ? Optional.empty()
        : Optional.of(new ResolvedRoute(route.description(), route.targets()));
  }

  /** Every exact model name routes and aliases accept, for {@code /v1/models}. */
  public List<String> exactModels() {
    List<String> names = new ArrayList<>();
    exact.values().forEach(r -> names.add(r.pattern().text()));
    aliases.values().forEach(r -> names.add(r.pattern().text()));
    return names;
  }

  /** Collects compiled routes in admin order; the first route of a kind wins a single slot. */
  public static final class Builder {
    private final Map<String, CompiledRoute> exact = new HashMap<>();
    private final Map<String, CompiledRoute> aliases = new HashMap<>();
    private final List<CompiledRoute> patterns = new ArrayList<>();
    private CompiledRoute longContext;
    private CompiledRoute thinking;
    private CompiledRoute background;
    private CompiledRoute fallback;

    public Builder model(CompiledRoute route) {
      if (route.pattern().isExact()) {
        exact.putIfAbsent(route.pattern().key(), route);
      } else {
        patterns.add(route);
      }
      return this;
    }

    public Builder alias(CompiledRoute route) {
      aliases.putIfAbsent(route.pattern().key(), route);
      return this;
    }

    public Builder longContext(CompiledRoute route) {
      longContext = longContext == null ? route : longContext;
      return this;
    }

    public Builder thinking(CompiledRoute route) {
      thinking = thinking == null ? route : thinking;
      return this;
    }

    public Builder background(CompiledRoute route) {
      background = background == null ? route : background;
      return this;
    }

    public Builder fallback(CompiledRoute route) {
      fallback = fallback == null ? route : fallback;
      return this;
    }

    public RouteTable build() {
      return new RouteTable(this);
    }
  }
}
