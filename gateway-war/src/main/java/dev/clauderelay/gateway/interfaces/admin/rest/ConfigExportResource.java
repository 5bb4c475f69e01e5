package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.admin.api.ConfigExport;
import dev.clauderelay.gateway.application.admin.ClientKeyAdminService;
import dev.clauderelay.gateway.application.admin.ProviderAdminService;
import dev.clauderelay.gateway.application.admin.RouteAdminService;
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
    List<ConfigExport.Provider> providerViews = new ArrayList<>();
    for (Provider provider : all) {
      ProviderSettings s = provider.settings();
      providerViews.add(
          new ConfigExport.Provider(
              s.name(),
              s.kind().wireName(),
              s.baseUrl(),
              s.transformerId(),
              s.strategyId(),
              s.models(),
              s.modelAliases(),
              s.betasToDrop(),
              s.connectTimeoutMs(),
              s.firstByteTimeoutMs(),
              s.streamIdleTimeoutMs(),
              s.totalTimeoutMs(),
              s.enabled(),
              s.sessionAffinity(),
              s.claudeAccounts(),
              providers.keys(provider.id()).stream().map(ProviderKey::masked).toList()));
    }
    List<ConfigExport.Route> routeViews = new ArrayList<>();
    ConfigExport.DefaultRoute defaultRoute = null;
    for (Route route : routes.list()) {
      Boolean disabled = route.enabled() ? null : false;
      if (route.scenario() == RouteScenario.DEFAULT) {
        defaultRoute =
            new ConfigExport.DefaultRoute(
                names.get(route.providerId()), route.upstreamModel(), disabled);
      } else {
        routeViews.add(
            new ConfigExport.Route(
                route.scenario() == RouteScenario.MODEL
                    ? null
                    : KeyPoolViews.name(route.scenario()),
                route.matchPattern(),
                names.get(route.providerId()),
                route.upstreamModel(),
                route.fallbacks().stream()
                    .map(t -> new ConfigExport.Target(t.provider(), t.model()))
                    .toList(),
                route.threshold(),
                disabled));
      }
    }
    List<ConfigExport.ClientKey> keyViews =
        clientKeys.list().stream()
            .map(
                key ->
                    new ConfigExport.ClientKey(
                        key.name(),
                        key.masked(),
                        key.allowedModels(),
                        key.rpmLimit(),
                        AdminViews.instant(key.expiresAt()),
                        key.enabled() ? null : false))
            .toList();
    return AdminRequests.write(new ConfigExport(providerViews, routeViews, defaultRoute, keyViews));
  }
}
