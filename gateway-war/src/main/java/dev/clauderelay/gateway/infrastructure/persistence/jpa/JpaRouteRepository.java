package dev.clauderelay.gateway.infrastructure.persistence.jpa;

import dev.clauderelay.gateway.domain.model.route.Route;
import dev.clauderelay.gateway.domain.model.route.RouteRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Routing rules in the {@code route} table. */
@ApplicationScoped
@Transactional
public class JpaRouteRepository implements RouteRepository {

  @PersistenceContext(unitName = "relay")
  private EntityManager em;

  @Override
  public List<Route> all() {
    return em.createQuery("SELECT r FROM Route r ORDER BY r.position, r.id", Route.class)
        .getResultList();
  }

  @Override
  public Optional<Route> find(long id) {
    return Optional.ofNullable(em.find(Route.class, id));
  }

  @Override
  public Route save(Route route) {
    if (route.id() == null) {
      em.persist(route);
      em.flush();
      return route;
    }
    return em.merge(route);
  }

  @Override
  public void delete(Route route) {
    em.remove(em.contains(route) ? route : em.merge(route));
  }

  @Override
  public List<Route> usingProvider(long providerId, String providerName) {
    return all().stream()
        .filter(
            r ->
                r.providerId() == providerId
                    || r.fallbacks().stream().anyMatch(t -> t.provider().equals(providerName)))
        .toList();
  }
}
