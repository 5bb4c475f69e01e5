package dev.clauderelay.gateway.interfaces.admin.rest;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.LinkedHashMap;
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

  /** A key an admin adds. */
  public record KeyInput(
      String key, String label, Integer weight, Integer rpmLimit, Integer concurrencyLimit) {
    NewKey toNewKey() {
      return new NewKey(key, label, weight, rpmLimit, concurrencyLimit);
    }
  }

  /** A change to one key; absent fields stay. */
  public record KeyUpdate(
      String status, String label, Integer weight, Integer rpmLimit, Integer concurrencyLimit) {}

  /**
   * Many keys: {@code keys} (strings, or objects like {@link KeyInput}) or {@code text} (one key
   * per line; blank lines and lines starting with {@code #} skipped); the settings apply to every
   * entry that does not set its own; {@code test} probes each key before adding it.
   */
  public record BatchRequest(
      List<JsonNode> keys,
      String text,
      String label,
      Integer weight,
      Integer rpmLimit,
      Integer concurrencyLimit,
      Boolean test) {}

  /** Enable, disable or delete a set of keys. */
  public record BatchOperation(String operation, List<Long> keyIds) {}

  @GET
  public String status(
      @PathParam("providerId") long providerId,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit,
      @QueryParam("status") String status,
      @QueryParam("q") String q,
      @QueryParam("sort") String sort) {
    ProviderRuntime provider = pools.provider(providerId);
    KeyPoolService.Page page =
        pools.list(providerId, KeyPoolService.listQuery(offset, limit, status, q, sort));
    long now = System.currentTimeMillis();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("provider", KeyPoolViews.provider(provider));
    view.put("strategies", new TreeSet<>(plugins.strategies().keySet()));
    Map<String, Object> counts = new LinkedHashMap<>(provider.pool().countsByState());
    counts.put("total", provider.pool().members().size());
    counts.put("usable", provider.pool().usableCount());
    view.put("counts", counts);
    view.put("affineSessions", provider.pool().affineSessions());
    view.put("keys", KeyPoolViews.page(page, now, false));
    return AdminRequests.write(view);
  }

  @POST
  @Path("keys")
  public Response add(@PathParam("providerId") long providerId, String body) {
    KeyInput input = AdminRequests.read(body, KeyInput.class);
    ProviderKey added = pools.addKey(providerId, input.toNewKey(), actor());
    KeyHealth live = pools.key(providerId, added.id());
    return Response.status(201)
        .entity(AdminRequests.write(KeyPoolViews.key(live, System.currentTimeMillis())))
        .build();
  }

  @PUT
  @Path("keys/{keyId}")
  public String update(
      @PathParam("providerId") long providerId, @PathParam("keyId") long keyId, String body) {
    KeyUpdate input = AdminRequests.read(body, KeyUpdate.class);
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
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("keyId", keyId);
    view.put("key", outcome.key().masked());
    view.put("upstream", KeyPoolViews.probe(outcome.result()));
    view.put("statusBefore", KeyPoolViews.name(outcome.before()));
    view.put("status", KeyPoolViews.name(outcome.after()));
    return AdminRequests.write(view);
  }

  @POST
  @Path("keys/batch")
  public String batch(@PathParam("providerId") long providerId, String body) {
    BatchRequest request = AdminRequests.read(body, BatchRequest.class);
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
    for (KeyPoolService.Outcome outcome : KeyPoolService.Outcome.values()) {
      summary.put(outcome, 0);
    }
    List<Map<String, Object>> items = new ArrayList<>(results.size());
    for (KeyPoolService.BatchResult result : results) {
      summary.merge(result.outcome(), 1, Integer::sum);
      Map<String, Object> item = new LinkedHashMap<>();
      item.put(lines ? "line" : "index", result.index());
      item.put("key", result.masked());
      item.put("result", result.outcome().wireName());
      if (result.keyId() != null) {
        item.put("keyId", result.keyId());
      }
      if (result.refusal() != null) {
        item.put("reason", result.refusal().reason());
        if (result.refusal().repeats() != null) {
          item.put("repeats", result.refusal().repeats());
        }
        item.put("message", result.refusal().message());
      }
      if (result.upstream() != null) {
        item.put("upstream", KeyPoolViews.probe(result.upstream()));
      }
      items.add(item);
    }
    Map<String, Object> counts = new LinkedHashMap<>();
    summary.forEach((outcome, count) -> counts.put(outcome.wireName(), count));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("summary", counts);
    view.put("results", items);
    return AdminRequests.write(view);
  }

  @POST
  @Path("keys/batch-operation")
  public String batchOperation(@PathParam("providerId") long providerId, String body) {
    BatchOperation request = AdminRequests.read(body, BatchOperation.class);
    List<KeyPoolService.OperationResult> results =
        pools.batchOperation(providerId, request.operation(), request.keyIds(), actor());
    List<Map<String, Object>> items = new ArrayList<>();
    int done = 0;
    for (KeyPoolService.OperationResult result : results) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("keyId", result.keyId());
      item.put("key", result.masked());
      item.put("result", result.done() ? "done" : "not_found");
      if (result.message() != null) {
        item.put("message", result.message());
      }
      items.add(item);
      done += result.done() ? 1 : 0;
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("operation", request.operation());
    view.put("done", done);
    view.put("notFound", results.size() - done);
    view.put("results", items);
    return AdminRequests.write(view);
  }

  @GET
  @Path("stats")
  public String stats(
      @PathParam("providerId") long providerId,
      @QueryParam("keyId") Long keyId,
      @QueryParam("hours") Integer hours,
      @QueryParam("offset") Integer offset,
      @QueryParam("limit") Integer limit,
      @QueryParam("status") String status,
      @QueryParam("q") String q,
      @QueryParam("sort") String sort) {
    KeyPoolService.Stats stats =
        pools.stats(
            providerId,
            keyId,
            hours == null ? 24 : hours,
            KeyPoolService.listQuery(offset, limit == null ? 100 : limit, status, q, sort));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("provider", KeyPoolViews.provider(stats.provider()));
    view.put("keyId", keyId);
    view.put("totals", KeyPoolViews.totals(stats.totals()));
    view.put("hours", stats.hours());
    view.put("series", KeyPoolViews.series(stats.series()));
    view.put("keys", KeyPoolViews.page(stats.keys(), System.currentTimeMillis(), true));
    return AdminRequests.write(view);
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
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("recovered", run.recovered().stream().map(KeyPoolResource::change).toList());
    List<Map<String, Object>> probed = new ArrayList<>();
    for (KeyPoolService.Change change : run.probed()) {
      Map<String, Object> item = change(change);
      item.put("upstream", KeyPoolViews.probe(run.answers().get(change.keyId())));
      probed.add(item);
    }
    view.put("probed", probed);
    view.put("returned", run.probed().stream().filter(c -> c.after() != c.before()).count());
    view.put("invalidNotProbed", run.invalidLeft());
    return AdminRequests.write(view);
  }

  private static Map<String, Object> change(KeyPoolService.Change change) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("keyId", change.keyId());
    item.put("key", change.masked());
    item.put("from", KeyPoolViews.name(change.before()));
    item.put("to", KeyPoolViews.name(change.after()));
    item.put("note", change.note());
    return item;
  }

  private static List<KeyPoolService.BatchEntry> fromText(BatchRequest request) {
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

  private static List<KeyPoolService.BatchEntry> fromList(BatchRequest request) {
    List<KeyPoolService.BatchEntry> entries = new ArrayList<>(request.keys().size());
    for (int i = 0; i < request.keys().size(); i++) {
      JsonNode node = request.keys().get(i);
      NewKey key;
      if (node == null || node.isNull()) {
        key = new NewKey(null, null, null, null, null);
      } else if (node.isTextual()) {
        key =
            new NewKey(
                node.asText(),
                request.label(),
                request.weight(),
                request.rpmLimit(),
                request.concurrencyLimit());
      } else if (node.isObject()) {
        KeyInput input;
        try {
          input = AdminRequests.JSON.treeToValue(node, KeyInput.class);
        } catch (Exception e) {
          // Reported per entry (as an invalid format) so the rest of the batch still lands.
          input = new KeyInput(null, null, null, null, null);
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

  private AdminActor actor() {
    return AdminRequests.actor(requestContext, servletRequest, addresses);
  }
}
