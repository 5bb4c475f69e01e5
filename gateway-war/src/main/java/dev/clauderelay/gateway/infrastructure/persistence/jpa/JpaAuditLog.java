package dev.clauderelay.gateway.infrastructure.persistence.jpa;

import dev.clauderelay.gateway.domain.model.audit.AuditEntry;
import dev.clauderelay.gateway.domain.model.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The audit log in the {@code audit_log} table. */
@ApplicationScoped
@Transactional
public class JpaAuditLog implements AuditLog {

  @PersistenceContext(unitName = "relay")
  private EntityManager em;

  @Override
  public void append(AuditEntry entry) {
    em.persist(entry);
  }

  @Override
  public List<AuditEntry> newest(int limit, Long beforeId) {
    return em.createQuery(
            "SELECT a FROM AuditEntry a WHERE (:before IS NULL OR a.id < :before) ORDER BY a.id DESC",
            AuditEntry.class)
        .setParameter("before", beforeId)
        .setMaxResults(limit)
        .getResultList();
  }
}
