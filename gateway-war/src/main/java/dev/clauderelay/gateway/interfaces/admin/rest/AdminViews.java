package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.gateway.application.pool.KeyHealth;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.domain.model.clientkey.ClientKey;
import dev.clauderelay.gateway.domain.model.provider.Provider;
import dev.clauderelay.gateway.domain.model.provider.ProviderKey;
import dev.clauderelay.gateway.domain.model.provider.ProviderSettings;
import dev.clauderelay.gateway.domain.model.route.Route;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the admin API shows of providers, keys, routes and client keys; secrets only masked. */
final class AdminViews {

  private AdminViews() {}

  static Map<String, Object> provider(Provider provider, ProviderRuntime runtime) {
    ProviderSettings s = provider.settings();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", provider.id());
    view.put("name", s.name());
    view.put("kind", s.kind().wireName());
    view.put("baseUrl", s.baseUrl());
    view.put("transformer", s.transformerId());
    view.put("strategy", s.strategyId());
    view.put("models", s.models());
    view.put("modelAliases", s.modelAliases());
    view.put("betasToDrop", s.betasToDrop());
    view.put("connectTimeoutMs", s.connectTimeoutMs());
    view.put("firstByteTimeoutMs", s.firstByteTimeoutMs());
    view.put("streamIdleTimeoutMs", s.streamIdleTimeoutMs());
    view.put("totalTimeoutMs", s.totalTimeoutMs());
    view.put("enabled", s.enabled());
    view.put("sessionAffinity", s.sessionAffinity());
    view.put("claudeAccounts", s.claudeAccounts());
    if (runtime != null) {
      view.put("available", runtime.available());
      view.put("unavailableReason", runtime.unavailableReason());
      view.put("keys", runtime.pool().members().size());
      view.put("usableKeys", runtime.pool().usableCount());
    }
    view.put("createdAt", iso(provider.createdAt()));
    view.put("updatedAt", iso(provider.updatedAt()));
    return view;
  }

  static Map<String, Object> key(ProviderKey key, KeyHealth live) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", key.id());
    view.put("providerId", key.providerId());
    view.put("key", key.masked());
    view.put("label", key.label());
    view.put("weight", key.weight());
    if (live != null) {
      view.put("status", live.status().name().toLowerCase());
      view.put(
          "statusUntil",
          live.statusUntilMillis() > 0
              ? Instant.ofEpochMilli(live.statusUntilMillis()).toString()
              : null);
      view.put("statusReason", live.statusReason());
      view.put("inFlight", live.inFlight());
      view.put("requests", live.totalRequests());
      view.put("successes", live.successes());
      view.put("failures", live.failures());
      view.put("rateLimited", live.rateLimited());
      view.put(
          "lastUsedAt",
          live.lastUsedMillis() > 0
              ? Instant.ofEpochMilli(live.lastUsedMillis()).toString()
              : null);
      view.put("lastError", live.lastError());
    } else {
      view.put("status", key.status().name().toLowerCase());
      view.put("requests", key.totalRequests());
    }
    view.put("createdAt", iso(key.createdAt()));
    return view;
  }

  static Map<String, Object> clientKey(ClientKey key) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", key.id());
    view.put("name", key.name());
    view.put("key", key.masked());
    view.put("enabled", key.enabled());
    view.put("models", key.allowedModels());
    view.put("rpmLimit", key.rpmLimit());
    view.put("expiresAt", iso(key.expiresAt()));
    view.put("lastUsedAt", iso(key.lastUsedAt()));
    view.put("createdAt", iso(key.createdAt()));
    return view;
  }

  static Map<String, Object> route(Route route, Map<Long, String> providerNames) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", route.id());
    view.put("position", route.position());
    view.put("scenario", route.scenario().name().toLowerCase());
    view.put("match", route.matchPattern());
    view.put("provider", providerNames.get(route.providerId()));
    view.put("model", route.upstreamModel());
    view.put(
        "fallbacks",
        route.fallbacks().stream()
            .map(
                t -> {
                  Map<String, Object> target = new LinkedHashMap<>();
                  target.put("provider", t.provider());
                  target.put("model", t.model());
                  return target;
                })
            .toList());
    view.put("threshold", route.threshold());
    view.put("enabled", route.enabled());
    return view;
  }

  static String iso(LocalDateTime time) {
    return time == null ? null : time.toInstant(ZoneOffset.UTC).toString();
  }

  static Map<String, Object> list(String field, List<?> items) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put(field, items);
    return view;
  }
}
