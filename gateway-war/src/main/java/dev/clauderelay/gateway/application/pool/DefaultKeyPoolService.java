package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.application.admin.AdminActor;
import dev.clauderelay.gateway.application.admin.InvalidInputException;
import dev.clauderelay.gateway.application.admin.NotFoundException;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.application.topology.TopologyService;
import dev.clauderelay.gateway.application.usage.UsageQueries;
import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.gateway.domain.model.provider.ProviderKey;
import dev.clauderelay.plugin.api.ErrorClass;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The admin's key pool operations: finds the provider and its live pool, then lists, changes and
 * sums up the keys itself, and leaves adding to {@link KeyImport}, probing to {@link
 * KeyMaintenance} and the database to {@link KeyPoolWrites}.
 */
@ApplicationScoped
public class DefaultKeyPoolService implements KeyPoolService {

  @Inject private TopologyService topology;
  @Inject private KeyPoolWrites writes;
  @Inject private KeyImport imports;
  @Inject private KeyMaintenance maintenance;
  @Inject private UsageQueries usage;

  // ---- reading ------------------------------------------------------------------------------

  @Override
  public ProviderRuntime provider(long providerId) {
    ProviderRuntime runtime = topology.current().providersById().get(providerId);
    if (runtime == null) {
      throw new NotFoundException("No provider with id " + providerId + ".");
    }
    return runtime;
  }

  @Override
  public KeyHealth key(long providerId, long keyId) {
    KeyHealth key = provider(providerId).pool().member(keyId);
    if (key == null) {
      throw new NotFoundException("Provider " + providerId + " has no key with id " + keyId + ".");
    }
    return key;
  }

  @Override
  public Page list(long providerId, ListQuery query) {
    List<KeyHealth> matched =
        KeyListing.matching(provider(providerId).pool(), query.states(), query.q(), query.sort());
    int offset = Math.min(query.offset(), matched.size());
    int end = Math.min(matched.size(), offset + query.limit());
    return new Page(
        matched.size(), query.offset(), query.limit(), List.copyOf(matched.subList(offset, end)));
  }

  // ---- adding -------------------------------------------------------------------------------

  @Override
  public ProviderKey addKey(long providerId, NewKey key, AdminActor actor) {
    return imports.add(providerId, key, actor);
  }

  @Override
  public List<BatchResult> addBatch(
      long providerId, List<BatchEntry> entries, boolean test, AdminActor actor) {
    return imports.addBatch(provider(providerId), entries, test, actor);
  }

  // ---- changing -----------------------------------------------------------------------------

  @Override
  public KeyHealth update(long providerId, long keyId, KeyChange change, AdminActor actor) {
    KeyPoolService.checkSettings(
        "", change.label(), change.weight(), change.rpmLimit(), change.concurrencyLimit());
    KeyStatus status = change.status() == null ? null : adminStatus("status", change.status());
    writes.update(providerId, keyId, change, status, actor);
    return key(providerId, keyId);
  }

  @Override
  public void delete(long providerId, long keyId, AdminActor actor) {
    writes.delete(providerId, keyId, actor);
  }

  @Override
  public List<OperationResult> batchOperation(
      long providerId, String operation, List<Long> keyIds, AdminActor actor) {
    KeyPool pool = provider(providerId).pool();
    if (operation == null || operation.isBlank()) {
      throw new InvalidInputException("operation", "required: enable, disable or delete");
    }
    if (keyIds == null || keyIds.isEmpty()) {
      throw new InvalidInputException("keyIds", "no key ids given");
    }
    if (keyIds.size() > MAX_BATCH) {
      throw new InvalidInputException("keyIds", "at most " + MAX_BATCH + " per operation");
    }
    if (keyIds.stream().anyMatch(id -> id == null)) {
      throw new InvalidInputException("keyIds", "must not hold null");
    }
    Map<Long, String> maskedBefore = new HashMap<>();
    for (Long id : keyIds) {
      KeyHealth key = pool.member(id);
      maskedBefore.put(id, key == null ? null : key.masked());
    }
    List<Long> done =
        switch (operation.strip().toLowerCase(Locale.ROOT)) {
          case "enable" -> writes.decideStatus(providerId, keyIds, KeyStatus.ACTIVE, actor);
          case "disable" -> writes.decideStatus(providerId, keyIds, KeyStatus.DISABLED, actor);
          case "delete" -> writes.deleteMany(providerId, keyIds, actor);
          default ->
              throw new InvalidInputException(
                  "operation",
                  "unknown operation '" + operation + "'; use enable, disable or delete");
        };
    Set<Long> doneIds = new HashSet<>(done);
    List<OperationResult> results = new ArrayList<>();
    for (Long id : new LinkedHashSet<>(keyIds)) {
      boolean ok = doneIds.contains(id);
      results.add(
          new OperationResult(
              id,
              maskedBefore.get(id),
              ok,
              ok ? null : "provider " + providerId + " has no key with id " + id));
    }
    return results;
  }

  private static KeyStatus adminStatus(String field, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "active", "enabled" -> KeyStatus.ACTIVE;
      case "disabled" -> KeyStatus.DISABLED;
      default ->
          throw new InvalidInputException(
              field, "'" + value + "' cannot be set; use active (enable) or disabled");
    };
  }

  // ---- testing and maintenance --------------------------------------------------------------

  @Override
  public TestOutcome test(long providerId, long keyId) {
    ProviderRuntime provider = provider(providerId);
    return maintenance.test(provider, key(providerId, keyId));
  }

  @Override
  public Maintenance maintain(long providerId, int maxProbes) {
    return maintenance.maintain(provider(providerId), maxProbes, false);
  }

  @Override
  public int maintainAll() {
    return maintenance.maintainAll(topology.current().providersById().values());
  }

  // ---- stats --------------------------------------------------------------------------------

  @Override
  public Stats stats(long providerId, Long keyId, int hours, ListQuery page) {
    ProviderRuntime provider = provider(providerId);
    if (hours < 1 || hours > 24 * 31) {
      throw new InvalidInputException("hours", "must be between 1 and " + 24 * 31);
    }
    Collection<KeyHealth> members;
    Page keys;
    if (keyId != null) {
      KeyHealth key = key(providerId, keyId);
      members = List.of(key);
      keys = new Page(1, 0, 1, List.of(key));
    } else {
      members = provider.pool().members();
      keys = list(providerId, page);
    }
    return new Stats(
        provider, totals(members), keys, hours, usage.series(hours, providerId, keyId));
  }

  private static Totals totals(Collection<KeyHealth> members) {
    long requests = 0;
    long successes = 0;
    long failures = 0;
    long rateLimited = 0;
    long latencyTotal = 0;
    long latencyCount = 0;
    Map<ErrorClass, Long> outcomes = new LinkedHashMap<>();
    for (ErrorClass errorClass : ErrorClass.values()) {
      outcomes.put(errorClass, 0L);
    }
    for (KeyHealth key : members) {
      requests += key.totalRequests();
      successes += key.successes();
      failures += key.failures();
      rateLimited += key.rateLimited();
      latencyTotal += key.latencyTotalMillis();
      latencyCount += key.latencyCount();
      for (ErrorClass errorClass : ErrorClass.values()) {
        outcomes.merge(errorClass, key.outcomes(errorClass), Long::sum);
      }
    }
    return new Totals(
        members.size(),
        requests,
        successes,
        failures,
        rateLimited,
        outcomes,
        latencyCount == 0 ? 0 : latencyTotal / latencyCount);
  }
}
