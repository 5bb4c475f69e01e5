package dev.clauderelay.gateway.infrastructure.persistence.jpa;

import dev.clauderelay.gateway.domain.model.provider.Provider;
import dev.clauderelay.gateway.domain.model.provider.ProviderKey;
import dev.clauderelay.gateway.domain.model.provider.ProviderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Providers and keys in the {@code provider} and {@code provider_key} tables. */
@ApplicationScoped
@Transactional
public class JpaProviderRepository implements ProviderRepository {

  @PersistenceContext(unitName = "relay")
  private EntityManager em;

  @Override
  public List<Provider> all() {
    return em.createQuery("SELECT p FROM Provider p ORDER BY p.id", Provider.class).getResultList();
  }

  @Override
  public Optional<Provider> find(long id) {
    return Optional.ofNullable(em.find(Provider.class, id));
  }

  @Override
  public Optional<Provider> findByName(String name) {
    return em.createQuery("SELECT p FROM Provider p WHERE p.name = :name", Provider.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Provider save(Provider provider) {
    if (provider.id() == null) {
      em.persist(provider);
      em.flush();
      return provider;
    }
    return em.merge(provider);
  }

  @Override
  public void delete(Provider provider) {
    em.createQuery("DELETE FROM ProviderKey k WHERE k.providerId = :id")
        .setParameter("id", provider.id())
        .executeUpdate();
    em.remove(em.contains(provider) ? provider : em.merge(provider));
  }

  @Override
  public List<ProviderKey> keys(long providerId) {
    return em.createQuery(
            "SELECT k FROM ProviderKey k WHERE k.providerId = :id ORDER BY k.id", ProviderKey.class)
        .setParameter("id", providerId)
        .getResultList();
  }

  @Override
  public List<ProviderKey> allKeys() {
    return em.createQuery("SELECT k FROM ProviderKey k ORDER BY k.id", ProviderKey.class)
        .getResultList();
  }

  @Override
  public Optional<ProviderKey> findKey(long keyId) {
    return Optional.ofNullable(em.find(ProviderKey.class, keyId));
  }

  @Override
  public Optional<ProviderKey> findKeyByFingerprint(long providerId, String fingerprint) {
    return em.createQuery(
            "SELECT k FROM ProviderKey k WHERE k.providerId = :id AND k.secretFingerprint = :f",
            ProviderKey.class)
        .setParameter("id", providerId)
        .setParameter("f", fingerprint)
        .getResultStream()
        .findFirst();
  }

  @Override
  public ProviderKey saveKey(ProviderKey key) {
    if (key.id() == null) {
      em.persist(key);
      em.flush();
      return key;
    }
    return em.merge(key);
  }

  @Override
  public void deleteKey(ProviderKey key) {
    em.remove(em.contains(key) ? key : em.merge(key));
  }
}
