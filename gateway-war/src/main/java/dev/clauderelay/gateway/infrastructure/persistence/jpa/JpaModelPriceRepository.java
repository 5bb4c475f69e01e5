package dev.clauderelay.gateway.infrastructure.persistence.jpa;

import dev.clauderelay.gateway.domain.model.price.ModelPrice;
import dev.clauderelay.gateway.domain.model.price.ModelPriceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Model prices in the {@code model_price} table. */
@ApplicationScoped
@Transactional
public class JpaModelPriceRepository implements ModelPriceRepository {

  @PersistenceContext(unitName = "relay")
  private EntityManager em;

  @Override
  public List<ModelPrice> all() {
    return em.createQuery("SELECT c FROM ModelPrice c ORDER BY c.modelPattern", ModelPrice.class)
        .getResultList();
  }

  @Override
  public Optional<ModelPrice> find(long id) {
    return Optional.ofNullable(em.find(ModelPrice.class, id));
  }

  @Override
  public Optional<ModelPrice> findByPattern(String pattern) {
    return em.createQuery(
            "SELECT c FROM ModelPrice c WHERE c.modelPattern = :pattern", ModelPrice.class)
        .setParameter("pattern", pattern)
        .getResultStream()
        .findFirst();
  }

  @Override
  public ModelPrice save(ModelPrice key) {
    if (key.id() == null) {
      em.persist(key);
      em.flush();
      return key;
    }
    return em.merge(key);
  }

  @Override
  public void delete(ModelPrice key) {
    em.remove(em.contains(key) ? key : em.merge(key));
  }
}
