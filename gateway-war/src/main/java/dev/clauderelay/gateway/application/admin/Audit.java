package dev.clauderelay.gateway.application.admin;

import dev.clauderelay.gateway.domain.model.audit.AuditEntry;
import dev.clauderelay.gateway.domain.model.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes admin changes to the audit log, inside the change's own transaction. */
@ApplicationScoped
public class Audit {

  @Inject private AuditLog log;

  /** Records a change; {@code detail} must never hold a secret. */
  public void record(
      AdminActor actor, String action, String targetType, Object targetId, String detail) {
    log.append(
        new AuditEntry(
            actor.name(),
            action,
            targetType,
            targetId == null ? null : targetId.toString(),
            detail,
            actor.remoteAddress()));
  }
}
