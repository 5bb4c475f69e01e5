package dev.clauderelay.gateway.infrastructure.persistence.jpa;

import dev.clauderelay.gateway.domain.model.clientkey.ClientKey;
import dev.clauderelay.gateway.domain.model.clientkey.ClientKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Client keys in the {@code client_key} table. */
@ApplicationScoped
@Transactional
public class JpaClientKeyRepository implements ClientKeyRepository {

  @PersistenceContext(unitName = "relay")
  private EntityManager em;

  @Override
  public List<ClientKey> all() {
    return em.createQuery("SELECT c FROM ClientKey c ORDER BY c.id", ClientKey.class)
        .getResultList();
  }

  @Override
  public Optional<ClientKey> find(long id) {
    return Optional.ofNullable(em.find(ClientKey.class, id));
  }

  @Override
  public Optional<ClientKey> findByName(String name) {
    return em.createQuery("SELECT c FROM ClientKey c WHERE c.name = :name", ClientKey.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public ClientKey save(ClientKey key) {
    if (key.id() == null) {
      em.persist(key);
      em.flush();
      return key;
    }
    return em.merge(key);
  }

  @Override
  public void delete(ClientKey key) {
    em.remove(em.contains(key) ? key : em.merge(key));
  }
}
