package dev.clauderelay.gateway.infrastructure.persistence.jpa;

import dev.clauderelay.gateway.domain.model.account.AccountStatus;
import dev.clauderelay.gateway.domain.model.account.ClaudeAccount;
import dev.clauderelay.gateway.domain.model.account.ClaudeAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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

  /**
   * A bulk delete: a refresh storing new tokens at the same moment bumps the version, and an
   * admin's delete must not fail because of it (the refresh's own commit fails instead,
   * harmlessly).
   */
  @Override
  public void delete(ClaudeAccount account) {
    if (em.contains(account)) {
      em.detach(account);
    }
    em.createQuery("DELETE FROM ClaudeAccount a WHERE a.id = :id")
        .setParameter("id", account.id())
        .executeUpdate();
  }

  // Bulk updates: they neither read the account nor bump its version, so they never fail against a
  // refresh storing new tokens at the same time (whose merge must not fail either: the old refresh
  // token may be spent).

  @Override
  public boolean recordLimit(long id, LocalDateTime until, LocalDateTime at, String reason) {
    return em.createQuery(
                "UPDATE ClaudeAccount a SET a.status = :limited, a.rateLimitedUntil = :until,"
                    + " a.lastLimitedAt = :at, a.statusReason = :reason, a.updatedAt = :at"
                    + " WHERE a.id = :id AND a.status IN :usable")
            .setParameter("limited", AccountStatus.RATE_LIMITED)
            .setParameter("until", until)
            .setParameter("at", at)
            .setParameter("reason", reason)
            .setParameter("id", id)
            .setParameter("usable", List.of(AccountStatus.ACTIVE, AccountStatus.RATE_LIMITED))
            .executeUpdate()
        > 0;
  }

  @Override
  public boolean recordRefusal(long id, String reason) {
    return em.createQuery(
                "UPDATE ClaudeAccount a SET a.status = :error, a.statusReason = :reason,"
                    + " a.updatedAt = :now WHERE a.id = :id AND a.status IN :usable")
            .setParameter("error", AccountStatus.ERROR)
            .setParameter("reason", reason)
            .setParameter("now", LocalDateTime.now(ZoneOffset.UTC))
            .setParameter("id", id)
            .setParameter("usable", List.of(AccountStatus.ACTIVE, AccountStatus.RATE_LIMITED))
            .executeUpdate()
        > 0;
  }
}
