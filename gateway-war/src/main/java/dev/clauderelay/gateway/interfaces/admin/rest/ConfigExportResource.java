package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.gateway.application.admin.ClientKeyAdminService;
import dev.clauderelay.gateway.application.admin.ProviderAdminService;
import dev.clauderelay.gateway.application.admin.RouteAdminService;
import dev.clauderelay.gateway.domain.model.clientkey.ClientKey;
import dev.clauderelay.gateway.domain.model.provider.Provider;
import dev.clauderelay.gateway.domain.model.provider.ProviderKey;
import dev.clauderelay.gateway.domain.model.provider.ProviderSettings;
import dev.clauderelay.gateway.domain.model.route.Route;
import dev.clauderelay.gateway.domain.model.route.RouteScenario;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code GET /api/admin/config/export}: the live configuration in the shape of the configuration
 * file, secrets masked (so the export documents a deployment; re-applying it needs the real keys).
 */
@Path("api/admin/config/export")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigExportResource {

  @Inject private ProviderAdminService providers;
  @Inject private RouteAdminService routes;
  @Inject private ClientKeyAdminService clientKeys;

  @GET
  public String export() {
    List<Provider> all = providers.list();
    Map<Long, String> names = all.stream().collect(Collectors.toMap(Provider::id, Provider::name));
    List<Map<String, Object>> providerViews = new ArrayList<>();
    for (Provider provider : all) {
      ProviderSettings s = provider.settings();
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("name", s.name());
      view.put("kind", s.kind().wireName());
      view.put("baseUrl", s.baseUrl());
      if (s.transformerId() != null) {
        view.put("transformer", s.transformerId());
      }
      view.put("strategy", s.strategyId());
      view.put("models", s.models());
      if (!s.modelAliases().isEmpty()) {
        view.put("modelAliases", s.modelAliases());
      }
      if (!s.betasToDrop().isEmpty()) {
        view.put("betasToDrop", s.betasToDrop());
      }
      view.put("connectTimeoutMs", s.connectTimeoutMs());
      view.put("firstByteTimeoutMs", s.firstByteTimeoutMs());
      view.put("streamIdleTimeoutMs", s.streamIdleTimeoutMs());
      view.put("totalTimeoutMs", s.totalTimeoutMs());
      view.put("enabled", s.enabled());
      if (s.sessionAffinity()) {
        view.put("sessionAffinity", true);
      }
      if (s.claudeAccounts()) {
        view.put("claudeAccounts", true);
      }
      view.put("keys", providers.keys(provider.id()).stream().map(ProviderKey::masked).toList());
      providerViews.add(view);
    }
    List<Map<String, Object>> routeViews = new ArrayList<>();
    Map<String, Object> defaultRoute = null;
    for (Route route : routes.list()) {
      Map<String, Object> view = new LinkedHashMap<>();
      if (route.scenario() != RouteScenario.DEFAULT) {
        if (route.scenario() != RouteScenario.MODEL) {
          view.put("scenario", route.scenario().name().toLowerCase());
        }
        view.put("match", route.matchPattern());
      }
      view.put("provider", names.get(route.providerId()));
      if (route.upstreamModel() != null) {
        view.put("model", route.upstreamModel());
      }
      if (route.scenario() != RouteScenario.DEFAULT) {
        view.put(
            "fallbacks",
            route.fallbacks().stream()
                .map(
                    t -> {
                      Map<String, Object> target = new LinkedHashMap<>();
                      target.put("provider", t.provider());
                      if (t.model() != null) {
                        target.put("model", t.model());
                      }
                      return target;
                    })
                .toList());
        if (route.threshold() != null) {
          view.put("threshold", route.threshold());
        }
      }
      if (!route.enabled()) {
        view.put("enabled", false);
      }
      if (route.scenario() == RouteScenario.DEFAULT) {
        defaultRoute = view;
      } else {
        routeViews.add(view);
      }
    }
    List<Map<String, Object>> keyViews = new ArrayList<>();
    for (ClientKey key : clientKeys.list()) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("name", key.name());
      view.put("key", key.masked());
      view.put("models", key.allowedModels());
      if (key.rpmLimit() != null) {
        view.put("rpmLimit", key.rpmLimit());
      }
      if (key.expiresAt() != null) {
        view.put("expiresAt", AdminViews.iso(key.expiresAt()));
      }
      if (!key.enabled()) {
        view.put("enabled", false);
      }
      keyViews.add(view);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("providers", providerViews);
    document.put("routes", routeViews);
    if (defaultRoute != null) {
      document.put("defaultRoute", defaultRoute);
    }
    document.put("clientKeys", keyViews);
    return AdminRequests.write(document);
  }
}
