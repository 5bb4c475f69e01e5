package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.gateway.application.pool.KeyHealth;
import dev.clauderelay.gateway.application.pool.KeyPoolService;
import dev.clauderelay.gateway.application.pool.KeySnapshot;
import dev.clauderelay.gateway.application.pool.ProbeResult;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.application.usage.UsageQueries;
import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.plugin.api.ErrorClass;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the key pool API shows: keys only masked, states and classes by their lower-case names. */
final class KeyPoolViews {

  private KeyPoolViews() {}

  static Map<String, Object> provider(ProviderRuntime provider) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", provider.id());
    view.put("name", provider.name());
    view.put("kind", provider.kind().wireName());
    view.put("strategy", provider.strategy() == null ? null : provider.strategy().id());
    view.put("sessionAffinity", provider.pool().sessionAffinity());
    view.put("available", provider.available());
    view.put("unavailableReason", provider.unavailableReason());
    return view;
  }

  static Map<String, Object> key(KeyHealth key, long nowMillis) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", key.keyId());
    view.put("providerId", key.providerId());
    view.put("key", key.masked());
    view.put("label", key.label());
    view.put("weight", key.weight());
    view.put("rpmLimit", key.rpmLimit() == 0 ? null : key.rpmLimit());
    view.put("concurrencyLimit", key.concurrencyLimit() == 0 ? null : key.concurrencyLimit());
    view.put("status", name(key.status()));
    view.put("statusUntil", instant(key.statusUntilMillis()));
    view.put("statusReason", key.statusReason());
    List<Map<String, Object>> models = new ArrayList<>();
    for (KeySnapshot.ModelSnapshot model : key.modelLimits(nowMillis)) {
      Map<String, Object> limit = new LinkedHashMap<>();
      limit.put("model", model.model());
      limit.put("status", name(model.status()));
      limit.put("until", instant(model.untilMillis()));
      limit.put("reason", model.reason());
      models.add(limit);
    }
    view.put("modelLimits", models);
    if (key.status() == KeyStatus.INVALID) {
      view.put("nextProbeAt", instant(key.nextProbeMillis()));
    }
    view.put("inFlight", key.inFlight());
    if (key.rpmLimit() > 0) {
      view.put("requestsLastMinute", key.requestsLastMinute(nowMillis));
    }
    view.put("requests", key.totalRequests());
    view.put("successes", key.successes());
    view.put("failures", key.failures());
    view.put("rateLimited", key.rateLimited());
    view.put("averageLatencyMs", key.averageLatencyMillis());
    view.put("lastUsedAt", instant(key.lastUsedMillis()));
    view.put("lastError", key.lastError());
    view.put("lastErrorAt", instant(key.lastErrorMillis()));
    view.put("createdAt", instant(key.createdAtMillis()));
    return view;
  }

  /** A key's counters for the stats: failures by class included. */
  static Map<String, Object> keyStats(KeyHealth key) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", key.keyId());
    view.put("key", key.masked());
    view.put("label", key.label());
    view.put("status", name(key.status()));
    view.put("requests", key.totalRequests());
    view.put("successes", key.successes());
    view.put("failures", key.failures());
    view.put("failuresByClass", failuresByClass(key));
    view.put("clientErrors", key.outcomes(ErrorClass.CLIENT_ERROR));
    view.put("rateLimited", key.rateLimited());
    view.put("averageLatencyMs", key.averageLatencyMillis());
    view.put("lastUsedAt", instant(key.lastUsedMillis()));
    view.put("lastError", key.lastError());
    view.put("lastErrorAt", instant(key.lastErrorMillis()));
    return view;
  }

  private static Map<String, Object> failuresByClass(KeyHealth key) {
    Map<String, Object> view = new LinkedHashMap<>();
    for (ErrorClass errorClass : ErrorClass.values()) {
      if (errorClass.retryable()) {
        view.put(name(errorClass), key.outcomes(errorClass));
      }
    }
    return view;
  }

  static Map<String, Object> page(KeyPoolService.Page page, long nowMillis, boolean stats) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("total", page.total());
    view.put("offset", page.offset());
    view.put("limit", page.limit());
    view.put(
        "items", page.items().stream().map(k -> stats ? keyStats(k) : key(k, nowMillis)).toList());
    return view;
  }

  static Map<String, Object> totals(KeyPoolService.Totals totals) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("keys", totals.keys());
    view.put("requests", totals.requests());
    view.put("successes", totals.successes());
    view.put("failures", totals.failures());
    Map<String, Object> byClass = new LinkedHashMap<>();
    totals
        .outcomes()
        .forEach(
            (errorClass, count) -> {
              if (errorClass.retryable()) {
                byClass.put(name(errorClass), count);
              }
            });
    view.put("failuresByClass", byClass);
    view.put("clientErrors", totals.outcomes().get(ErrorClass.CLIENT_ERROR));
    view.put("rateLimited", totals.rateLimited());
    view.put("averageLatencyMs", totals.averageLatencyMillis());
    return view;
  }

  static List<Map<String, Object>> series(List<UsageQueries.Hour> hours) {
    List<Map<String, Object>> series = new ArrayList<>(hours.size());
    for (UsageQueries.Hour hour : hours) {
      UsageQueries.Totals t = hour.totals();
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("hour", hour.start().toInstant(ZoneOffset.UTC).toString());
      point.put("requests", t.requests());
      point.put("successes", t.successes());
      point.put("failures", t.failures());
      point.put("rateLimited", t.rateLimited());
      point.put("inputTokens", t.inputTokens());
      point.put("outputTokens", t.outputTokens());
      point.put("averageLatencyMs", t.averageLatencyMs());
      series.add(point);
    }
    return series;
  }

  static Map<String, Object> probe(ProbeResult result) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("status", result.status() == 0 ? null : result.status());
    view.put("passed", result.passed());
    view.put("keyAccepted", result.keyAccepted());
    view.put("errorClass", result.errorClass() == null ? null : name(result.errorClass()));
    view.put("message", result.message());
    view.put("retryAt", instant(result.untilMillis()));
    view.put("latencyMs", result.latencyMillis());
    return view;
  }

  static String name(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }

  static String instant(long epochMillis) {
    return epochMillis > 0 ? Instant.ofEpochMilli(epochMillis).toString() : null;
  }
}
