package dev.clauderelay.gateway.domain.model.route;

import java.util.List;
import java.util.Optional;

/** Routing rules, in admin order. */
public interface RouteRepository {

  /** All routes, by position then id. */
  List<Route> all();

  Optional<Route> find(long id);

  Route save(Route route);

  void delete(Route route);

  /** The routes that name a provider as target or fallback. */
  List<Route> usingProvider(long providerId, String providerName);
}
