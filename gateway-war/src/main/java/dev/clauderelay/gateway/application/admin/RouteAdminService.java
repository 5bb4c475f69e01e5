package dev.clauderelay.gateway.application.admin;

import dev.clauderelay.gateway.application.routing.ModelPattern;
import dev.clauderelay.gateway.application.topology.TopologyChanged;
import dev.clauderelay.gateway.domain.model.provider.Provider;
import dev.clauderelay.gateway.domain.model.provider.ProviderRepository;
import dev.clauderelay.gateway.domain.model.route.Route;
import dev.clauderelay.gateway.domain.model.route.RouteRepository;
import dev.clauderelay.gateway.domain.model.route.RouteScenario;
import dev.clauderelay.gateway.domain.model.route.RouteTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Routing rules and the default target (the seed's "select model"). */
@ApplicationScoped
@Transactional
public class RouteAdminService {

  @Inject private RouteRepository routes;
  @Inject private ProviderRepository providers;
  @Inject private Audit audit;
  @Inject private Event<TopologyChanged> changed;

  public List<Route> list() {
    return routes.all();
  }

  public Route get(long id) {
    return routes.find(id).orElseThrow(() -> new NotFoundException("No route with id " + id + "."));
  }

  public Route create(RouteInput input, AdminActor actor) {
    RouteScenario scenario = scenario(input.scenario(), RouteScenario.MODEL);
    Provider provider = provider(input.provider(), "provider");
    Route route = new Route(scenario, match(input.match(), scenario), provider.id());
    configure(route, input, null);
    route = routes.save(route);
    audit.record(actor, "route.create", "route", route.id(), describe(route, provider));
    changed.fire(new TopologyChanged("route " + route.matchPattern() + " added"));
    return route;
  }

  public Route update(long id, RouteInput input, AdminActor actor) {
    Route route = get(id);
    configure(route, input, route);
    Route saved = routes.save(route);
    audit.record(actor, "route.update", "route", id, "match=" + route.matchPattern());
    changed.fire(new TopologyChanged("route " + route.matchPattern() + " changed"));
    return saved;
  }

  /** Creates the route, or updates the one with the same scenario and match. */
  public Route upsert(RouteInput input, AdminActor actor) {
    RouteScenario scenario = scenario(input.scenario(), RouteScenario.MODEL);
    String match = match(input.match(), scenario);
    Optional<Route> existing =
        routes.all().stream()
            .filter(r -> r.scenario() == scenario && r.matchPattern().equalsIgnoreCase(match))
            .findFirst();
    return existing.isPresent() ? update(existing.get().id(), input, actor) : create(input, actor);
  }

  public void delete(long id, AdminActor actor) {
    Route route = get(id);
    routes.delete(route);
    audit.record(actor, "route.delete", "route", id, "match=" + route.matchPattern());
    changed.fire(new TopologyChanged("route " + route.matchPattern() + " deleted"));
  }

  /** Sets the default target: what every request no other route takes goes to. */
  public Route selectDefault(String providerName, String model, AdminActor actor) {
    RouteInput input =
        new RouteInput("default", "*", providerName, emptyToNull(model), null, null, null, true);
    Route route = upsert(input, actor);
    audit.record(
        actor, "model.select", "route", route.id(), "provider=" + providerName + " model=" + model);
    return route;
  }

  public Optional<Route> defaultRoute() {
    return routes.all().stream().filter(r -> r.scenario() == RouteScenario.DEFAULT).findFirst();
  }

  private void configure(Route route, RouteInput input, Route previous) {
    RouteScenario scenario =
        scenario(input.scenario(), previous == null ? RouteScenario.MODEL : previous.scenario());
    String match =
        input.match() != null
            ? match(input.match(), scenario)
            : previous != null ? previous.matchPattern() : match(null, scenario);
    long providerId =
        input.provider() != null
            ? provider(input.provider(), "provider").id()
            : previous.providerId();
    String model =
        input.model() != null
            ? emptyToNull(input.model())
            : previous != null ? previous.upstreamModel() : null;
    List<RouteTarget> fallbacks =
        input.fallbacks() != null
            ? input.fallbacks()
            : previous != null ? previous.fallbacks() : List.of();
    for (int i = 0; i < fallbacks.size(); i++) {
      RouteTarget target = fallbacks.get(i);
      if (target == null || target.provider() == null) {
        throw new InvalidInputException("fallbacks[" + i + "].provider", "required");
      }
      provider(target.provider(), "fallbacks[" + i + "].provider");
    }
    Long threshold =
        input.threshold() != null
            ? input.threshold()
            : previous != null ? previous.threshold() : null;
    if (scenario == RouteScenario.LONG_CONTEXT && (threshold == null || threshold < 1)) {
      throw new InvalidInputException(
          "threshold", "a long_context route needs a positive token threshold");
    }
    int position =
        input.position() != null
            ? input.position()
            : previous != null ? previous.position() : routes.all().size();
    boolean enabled =
        input.enabled() != null ? input.enabled() : previous == null || previous.enabled();
    route.configure(position, scenario, match, providerId, model, fallbacks, threshold, enabled);
  }

  private Provider provider(String name, String field) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException(field, "required: the name of a provider");
    }
    return providers
        .findByName(name.strip())
        .orElseThrow(
            () -> new InvalidInputException(field, "no provider named '" + name.strip() + "'"));
  }

  private static RouteScenario scenario(String value, RouteScenario fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return RouteScenario.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "scenario",
          "unknown '" + value + "'; use model, background, long_context, think or default");
    }
  }

  private static String match(String value, RouteScenario scenario) {
    if (value == null || value.isBlank()) {
      return switch (scenario) {
        case BACKGROUND -> "*haiku*";
        case MODEL ->
            throw new InvalidInputException(
                "match", "required: a model name or pattern such as *haiku*");
        default -> "*";
      };
    }
    try {
      return new ModelPattern(value).text();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("match", e.getMessage());
    }
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String describe(Route route, Provider provider) {
    return "scenario="
        + route.scenario()
        + " match="
        + route.matchPattern()
        + " provider="
        + provider.name()
        + " model="
        + route.upstreamModel();
  }
}
