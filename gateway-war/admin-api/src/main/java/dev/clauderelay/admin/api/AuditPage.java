package dev.clauderelay.admin.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/admin/audit?limit=&before=}: audit entries, newest first, and the id to ask
 * {@code before} for the next page (null on the last).
 */
public record AuditPage(List<Entry> entries, Long next) implements Serializable {

  /** Who did what to which target, when and from where. */
  public record Entry(
      Long id,
      Instant at,
      String actor,
      String action,
      String targetType,
      String targetId,
      String detail,
      String remoteAddress)
      implements Serializable {}
}
