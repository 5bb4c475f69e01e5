package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.admin.api.KeyBatchRequest;
import dev.clauderelay.admin.api.KeyBatchResult;
import dev.clauderelay.admin.api.KeyOperationReport;
import dev.clauderelay.admin.api.KeyOperationRequest;
import dev.clauderelay.admin.api.KeyPoolStats;
import dev.clauderelay.admin.api.KeyPoolStatus;
import dev.clauderelay.admin.api.KeyTestResult;
import dev.clauderelay.admin.api.MaintenanceReport;
import dev.clauderelay.admin.api.PoolKeyChange;
import dev.clauderelay.admin.api.PoolKeyRequest;
import dev.clauderelay.gateway.application.admin.AdminActor;
import dev.clauderelay.gateway.application.admin.InvalidInputException;
import dev.clauderelay.gateway.application.pool.KeyChange;
import dev.clauderelay.gateway.application.pool.KeyHealth;
import dev.clauderelay.gateway.application.pool.KeyPoolService;
import dev.clauderelay.gateway.application.pool.NewKey;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.domain.model.provider.ProviderKey;
import dev.clauderelay.gateway.infrastructure.plugins.PluginRegistry;
import dev.clauderelay.gateway.interfaces.rest.ClientAddress;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A provider's key pool: {@code /api/admin/key-pool/{providerId}}, its keys one by one and in
 * batches, tests, stats and maintenance. Lists are paged, filtered and sorted on the relay, so the
 * console stays fast with 10,000 keys.
 */
@Path("api/admin/key-pool/{providerId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class KeyPoolResource {

  @Inject private KeyPoolService pools;
  @Inject private PluginRegistry plugins;
  @Inject private ClientAddress addresses;
  @Context private HttpServletRequest servletRequest;
  @Context private ContainerRequestContext requestContext;

  @GET
  public String status(@PathParam("providerId") long providerId, @BeanParam KeyListParams list) {
    ProviderRuntime provider = pools.provider(providerId);
    KeyPoolService.Page page = pools.list(providerId, list.query(null));
    long now = System.currentTimeMillis();
    return AdminRequests.write(
        new KeyPoolStatus(
            KeyPoolViews.provider(provider),
            List.copyOf(new TreeSet<>(plugins.strategies().keySet())),
            KeyPoolViews.counts(provider.pool()),
            provider.pool().affineSessions(),
            KeyPoolViews.page(page, key -> KeyPoolViews.key(key, now))));
  }

  @POST
  @Path("keys")
  public Response add(@PathParam("providerId") long providerId, String body) {
    PoolKeyRequest input = AdminRequests.read(body, PoolKeyRequest.class);
    ProviderKey added = pools.addKey(providerId, newKey(input), actor());
    KeyHealth live = pools.key(providerId, added.id());
    return Response.status(201)
        .entity(AdminRequests.write(KeyPoolViews.key(live, System.currentTimeMillis())))
        .build();
  }

  @PUT
  @Path("keys/{keyId}")
  public String update(
      @PathParam("providerId") long providerId, @PathParam("keyId") long keyId, String body) {
    PoolKeyChange input = AdminRequests.read(body, PoolKeyChange.class);
    KeyHealth key =
        pools.update(
            providerId,
            keyId,
            new KeyChange(
                input.status(),
                input.label(),
                input.weight(),
                input.rpmLimit(),
                input.concurrencyLimit()),
            actor());
    return AdminRequests.write(KeyPoolViews.key(key, System.currentTimeMillis()));
  }

  @DELETE
  @Path("keys/{keyId}")
  public Response delete(@PathParam("providerId") long providerId, @PathParam("keyId") long keyId) {
    pools.delete(providerId, keyId, actor());
    return Response.noContent().build();
  }

  @POST
  @Path("keys/{keyId}/test")
  public String test(@PathParam("providerId") long providerId, @PathParam("keyId") long keyId) {
    KeyPoolService.TestOutcome outcome = pools.test(providerId, keyId);
    return AdminRequests.write(
        new KeyTestResult(
            keyId,
            outcome.key().masked(),
            KeyPoolViews.probe(outcome.result()),
            KeyPoolViews.name(outcome.before()),
            KeyPoolViews.name(outcome.after())));
  }

  @POST
  @Path("keys/batch")
  public String batch(@PathParam("providerId") long providerId, String body) {
    KeyBatchRequest request = AdminRequests.read(body, KeyBatchRequest.class);
    if (request.keys() != null && request.text() != null) {
      throw new InvalidInputException("(body)", "send keys or text, not both");
    }
    if (request.keys() == null && request.text() == null) {
      throw new InvalidInputException("keys", "required: keys (a list) or text (one key per line)");
    }
    KeyPoolService.checkSettings(
        "", request.label(), request.weight(), request.rpmLimit(), request.concurrencyLimit());
    boolean lines = request.text() != null;
    List<KeyPoolService.BatchEntry> entries = lines ? fromText(request) : fromList(request);
    List<KeyPoolService.BatchResult> results =
        pools.addBatch(providerId, entries, Boolean.TRUE.equals(request.test()), actor());
    Map<KeyPoolService.Outcome, Integer> summary = new EnumMap<>(KeyPoolService.Outcome.class);
    for (KeyPoolService.BatchResult result : results) {
      summary.merge(result.outcome(), 1, Integer::sum);
    }
    return AdminRequests.write(
        new KeyBatchResult(
            new KeyBatchResult.Summary(
                summary.getOrDefault(KeyPoolService.Outcome.ADDED, 0),
                summary.getOrDefault(KeyPoolService.Outcome.DUPLICATE, 0),
                summary.getOrDefault(KeyPoolService.Outcome.INVALID_FORMAT, 0),
                summary.getOrDefault(KeyPoolService.Outcome.TEST_FAILED, 0)),
            results.stream().map(result -> KeyPoolViews.batchItem(result, lines)).toList()));
  }

  @POST
  @Path("keys/batch-operation")
  public String batchOperation(@PathParam("providerId") long providerId, String body) {
    KeyOperationRequest request = AdminRequests.read(body, KeyOperationRequest.class);
    List<KeyPoolService.OperationResult> results =
        pools.batchOperation(providerId, request.operation(), request.keyIds(), actor());
    int done = (int) results.stream().filter(KeyPoolService.OperationResult::done).count();
    return AdminRequests.write(
        new KeyOperationReport(
            request.operation(),
            done,
            results.size() - done,
            results.stream().map(KeyPoolViews::operationItem).toList()));
  }

  @GET
  @Path("stats")
  public String stats(
      @PathParam("providerId") long providerId,
      @QueryParam("keyId") Long keyId,
      @QueryParam("hours") Integer hours,
      @BeanParam KeyListParams list) {
    KeyPoolService.Stats stats =
        pools.stats(providerId, keyId, hours == null ? 24 : hours, list.query(100));
    return AdminRequests.write(
        new KeyPoolStats(
            KeyPoolViews.provider(stats.provider()),
            keyId,
            KeyPoolViews.totals(stats.totals()),
            stats.hours(),
            KeyPoolViews.series(stats.series()),
            KeyPoolViews.page(stats.keys(), KeyPoolViews::keyStats)));
  }

  @POST
  @Path("maintenance")
  public String maintenance(
      @PathParam("providerId") long providerId, @QueryParam("probe") Integer probe) {
    int maxProbes = probe == null ? 100 : probe;
    if (maxProbes < 0 || maxProbes > KeyPoolService.MAX_PAGE) {
      throw new InvalidInputException("probe", "must be between 0 and " + KeyPoolService.MAX_PAGE);
    }
    KeyPoolService.Maintenance run = pools.maintain(providerId, maxProbes);
    return AdminRequests.write(
        new MaintenanceReport(
            run.recovered().stream().map(change -> KeyPoolViews.change(change, null)).toList(),
            run.probed().stream()
                .map(change -> KeyPoolViews.change(change, run.answers().get(change.keyId())))
                .toList(),
            run.probed().stream().filter(c -> c.after() != c.before()).count(),
            run.invalidLeft()));
  }

  private static List<KeyPoolService.BatchEntry> fromText(KeyBatchRequest request) {
    List<KeyPoolService.BatchEntry> entries = new ArrayList<>();
    String[] lines = request.text().split("\\r?\\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      entries.add(
          new KeyPoolService.BatchEntry(
              i + 1,
              new NewKey(
                  line,
                  request.label(),
                  request.weight(),
                  request.rpmLimit(),
                  request.concurrencyLimit())));
    }
    return entries;
  }

  private static List<KeyPoolService.BatchEntry> fromList(KeyBatchRequest request) {
    List<KeyPoolService.BatchEntry> entries = new ArrayList<>(request.keys().size());
    for (int i = 0; i < request.keys().size(); i++) {
      Object entry = request.keys().get(i);
      NewKey key;
      if (entry instanceof String text) {
        key =
            new NewKey(
                text,
                request.label(),
                request.weight(),
                request.rpmLimit(),
                request.concurrencyLimit());
      } else if (entry instanceof Map<?, ?> object) {
        PoolKeyRequest input;
        try {
          input = AdminRequests.JSON.convertValue(object, PoolKeyRequest.class);
        } catch (IllegalArgumentException e) {
          // Reported per entry (as an invalid format) so the rest of the batch still lands.
          input = new PoolKeyRequest(null, null, null, null, null);
        }
        key =
            new NewKey(
                input.key(),
                input.label() != null ? input.label() : request.label(),
                input.weight() != null ? input.weight() : request.weight(),
                input.rpmLimit() != null ? input.rpmLimit() : request.rpmLimit(),
                input.concurrencyLimit() != null
                    ? input.concurrencyLimit()
                    : request.concurrencyLimit());
      } else {
        key = new NewKey(null, null, null, null, null);
      }
      entries.add(new KeyPoolService.BatchEntry(i, key));
    }
    return entries;
  }

  private static NewKey newKey(PoolKeyRequest input) {
    return new NewKey(
        input.key(), input.label(), input.weight(), input.rpmLimit(), input.concurrencyLimit());
  }

  private AdminActor actor() {
    return AdminRequests.actor(requestContext, servletRequest, addresses);
  }
}
