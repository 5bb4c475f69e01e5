package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.admin.api.KeyBatchResult;
import dev.clauderelay.admin.api.KeyCounts;
import dev.clauderelay.admin.api.KeyOperationReport;
import dev.clauderelay.admin.api.KeyPage;
import dev.clauderelay.admin.api.KeyPoolProvider;
import dev.clauderelay.admin.api.KeyPoolStats;
import dev.clauderelay.admin.api.KeyProbe;
import dev.clauderelay.admin.api.KeyStats;
import dev.clauderelay.admin.api.MaintenanceReport;
import dev.clauderelay.admin.api.PoolKey;
import dev.clauderelay.gateway.application.pool.KeyHealth;
import dev.clauderelay.gateway.application.pool.KeyPool;
import dev.clauderelay.gateway.application.pool.KeyPoolService;
import dev.clauderelay.gateway.application.pool.KeySnapshot;
import dev.clauderelay.gateway.application.pool.ProbeResult;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.application.usage.UsageQueries;
import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.plugin.api.ErrorClass;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the key pool API shows: the contract's records made from the pool's live state, keys only
 * masked, states and classes by their lower-case names.
 */
final class KeyPoolViews {

  private KeyPoolViews() {}

  static KeyPoolProvider provider(ProviderRuntime provider) {
    return new KeyPoolProvider(
        provider.id(),
        provider.name(),
        provider.kind().wireName(),
        provider.strategy() == null ? null : provider.strategy().id(),
        provider.pool().sessionAffinity(),
        provider.available(),
        provider.unavailableReason());
  }

  /** The pool's keys by state, then the active ones limited for a model, all, and the usable. */
  static KeyCounts counts(KeyPool pool) {
    Map<String, Integer> counts = new LinkedHashMap<>(pool.countsByState());
    counts.put(KeyCounts.TOTAL, pool.members().size());
    counts.put(KeyCounts.USABLE, pool.usableCount());
    return new KeyCounts(counts);
  }

  static PoolKey key(KeyHealth key, long nowMillis) {
    return new PoolKey(
        key.keyId(),
        key.providerId(),
        key.masked(),
        key.label(),
        key.weight(),
        key.rpmLimit() == 0 ? null : key.rpmLimit(),
        key.concurrencyLimit() == 0 ? null : key.concurrencyLimit(),
        name(key.status()),
        instant(key.statusUntilMillis()),
        key.statusReason(),
        key.modelLimits(nowMillis).stream().map(KeyPoolViews::modelLimit).toList(),
        key.status() == KeyStatus.INVALID
            ? new PoolKey.InvalidKey(instant(key.nextProbeMillis()))
            : null,
        key.inFlight(),
        key.rpmLimit() > 0 ? key.requestsLastMinute(nowMillis) : null,
        key.totalRequests(),
        key.successes(),
        key.failures(),
        key.rateLimited(),
        key.averageLatencyMillis(),
        instant(key.lastUsedMillis()),
        key.lastError(),
        instant(key.lastErrorMillis()),
        instant(key.createdAtMillis()));
  }

  private static PoolKey.ModelLimit modelLimit(KeySnapshot.ModelSnapshot model) {
    return new PoolKey.ModelLimit(
        model.model(), name(model.status()), instant(model.untilMillis()), model.reason());
  }

  /** A key's counters for the stats: failures by class included. */
  static KeyStats keyStats(KeyHealth key) {
    Map<String, Long> failuresByClass = new LinkedHashMap<>();
    for (ErrorClass errorClass : ErrorClass.values()) {
      if (errorClass.retryable()) {
        failuresByClass.put(name(errorClass), key.outcomes(errorClass));
      }
    }
    return new KeyStats(
        key.keyId(),
        key.masked(),
        key.label(),
        name(key.status()),
        key.totalRequests(),
        key.successes(),
        key.failures(),
        failuresByClass,
        key.outcomes(ErrorClass.CLIENT_ERROR),
        key.rateLimited(),
        key.averageLatencyMillis(),
        instant(key.lastUsedMillis()),
        key.lastError(),
        instant(key.lastErrorMillis()));
  }

  static <T> KeyPage<T> page(KeyPoolService.Page page, Function<KeyHealth, T> view) {
    return new KeyPage<>(
        page.total(), page.offset(), page.limit(), page.items().stream().map(view).toList());
  }

  static KeyPoolStats.Totals totals(KeyPoolService.Totals totals) {
    Map<String, Long> byClass = new LinkedHashMap<>();
    totals
        .outcomes()
        .forEach(
            (errorClass, count) -> {
              if (errorClass.retryable()) {
                byClass.put(name(errorClass), count);
              }
            });
    return new KeyPoolStats.Totals(
        totals.keys(),
        totals.requests(),
        totals.successes(),
        totals.failures(),
        byClass,
        totals.outcomes().get(ErrorClass.CLIENT_ERROR),
        totals.rateLimited(),
        totals.averageLatencyMillis());
  }

  static List<KeyPoolStats.Hour> series(List<UsageQueries.Hour> hours) {
    return hours.stream()
        .map(
            hour -> {
              UsageQueries.Totals t = hour.totals();
              return new KeyPoolStats.Hour(
                  hour.start().toInstant(ZoneOffset.UTC),
                  t.requests(),
                  t.successes(),
                  t.failures(),
                  t.rateLimited(),
                  t.inputTokens(),
                  t.outputTokens(),
                  t.averageLatencyMs());
            })
        .toList();
  }

  static KeyProbe probe(ProbeResult result) {
    return new KeyProbe(
        result.status() == 0 ? null : result.status(),
        result.passed(),
        result.keyAccepted(),
        name(result.errorClass()),
        result.message(),
        instant(result.untilMillis()),
        result.latencyMillis());
  }

  /**
   * One entry of a batch: numbered by {@code line} for a batch sent as text, by {@code index} for
   * one sent as a list.
   */
  static KeyBatchResult.Item batchItem(KeyPoolService.BatchResult result, boolean lines) {
    KeyPoolService.Refusal refusal = result.refusal();
    return new KeyBatchResult.Item(
        lines ? result.index() : null,
        lines ? null : result.index(),
        result.masked(),
        result.outcome().wireName(),
        result.keyId(),
        refusal == null ? null : refusal.reason(),
        refusal == null ? null : refusal.repeats(),
        refusal == null ? null : refusal.message(),
        result.upstream() == null ? null : probe(result.upstream()));
  }

  static KeyOperationReport.Item operationItem(KeyPoolService.OperationResult result) {
    return new KeyOperationReport.Item(
        result.keyId(), result.masked(), result.done() ? "done" : "not_found", result.message());
  }

  /** A key a maintenance run looked at; {@code upstream} for a probed one, null for a recovered. */
  static MaintenanceReport.Change change(KeyPoolService.Change change, ProbeResult upstream) {
    return new MaintenanceReport.Change(
        change.keyId(),
        change.masked(),
        name(change.before()),
        name(change.after()),
        change.note(),
        upstream == null ? null : probe(upstream));
  }

  static String name(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }

  static Instant instant(long epochMillis) {
    return epochMillis > 0 ? Instant.ofEpochMilli(epochMillis) : null;
  }
}
