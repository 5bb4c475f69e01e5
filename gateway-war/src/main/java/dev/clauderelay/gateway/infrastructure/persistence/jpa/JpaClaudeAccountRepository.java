package dev.clauderelay.gateway.infrastructure.persistence.jpa;

import dev.clauderelay.gateway.domain.model.account.ClaudeAccount;
import dev.clauderelay.gateway.domain.model.account.ClaudeAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Claude accounts in the {@code claude_account} table. */
@ApplicationScoped
@Transactional
public class JpaClaudeAccountRepository implements ClaudeAccountRepository {

  @PersistenceContext(unitName = "relay")
  private EntityManager em;

  @Override
  public List<ClaudeAccount> all() {
    return em.createQuery("SELECT a FROM ClaudeAccount a ORDER BY a.id", ClaudeAccount.class)
        .getResultList();
  }

  @Override
  public Optional<ClaudeAccount> find(long id) {
    return Optional.ofNullable(em.find(ClaudeAccount.class, id));
  }

  @Override
  public Optional<ClaudeAccount> findByName(String name) {
    return em.createQuery("SELECT a FROM ClaudeAccount a WHERE a.name = :n", ClaudeAccount.class)
        .setParameter("n", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public ClaudeAccount save(ClaudeAccount account) {
    if (account.id() == null) {
      em.persist(account);
      em.flush();
      return account;
    }
    return em.merge(account);
  }

  @Override
  public void delete(ClaudeAccount account) {
    em.remove(em.contains(account) ? account : em.merge(account));
  }
}
