package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.admin.api.AuditPage;
import dev.clauderelay.gateway.application.admin.InvalidInputException;
import dev.clauderelay.gateway.domain.model.audit.AuditEntry;
import dev.clauderelay.gateway.domain.model.audit.AuditLog;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The audit log, newest first: {@code GET /api/admin/audit?limit=50&before=<id>}. */
@Path("api/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @Inject private AuditLog log;

  @GET
  public String newest(@QueryParam("limit") Integer limit, @QueryParam("before") Long before) {
    int size = limit == null ? 50 : limit;
    if (size < 1 || size > 500) {
      throw new InvalidInputException("limit", "must be between 1 and 500");
    }
    List<AuditEntry> entries = log.newest(size, before);
    List<AuditPage.Entry> views =
        entries.stream()
            .map(
                e ->
                    new AuditPage.Entry(
                        e.id(),
                        AdminViews.instant(e.at()),
                        e.actor(),
                        e.action(),
                        e.targetType(),
                        e.targetId(),
                        e.detail(),
                        e.remoteAddr()))
            .toList();
    return AdminRequests.write(
        new AuditPage(views, entries.size() == size ? entries.get(entries.size() - 1).id() : null));
  }
}
