package dev.clauderelay.gateway.domain.model.audit;

import java.util.List;

/** Appends to and reads the audit log. */
public interface AuditLog {

  void append(AuditEntry entry);

  /** The newest entries first, at most {@code limit}, older than {@code beforeId} when given. */
  List<AuditEntry> newest(int limit, Long beforeId);
}
