package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.gateway.application.account.ClaudeAccountService;
import dev.clauderelay.gateway.application.pool.KeyHealth;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.application.topology.TopologyService;
import dev.clauderelay.gateway.application.usage.UsageQueries;
import dev.clauderelay.gateway.domain.model.account.ClaudeAccount;
import dev.clauderelay.gateway.interfaces.health.HealthCheck;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/admin/dashboard}: providers with their keys by state, Claude accounts by state,
 * requests, tokens and errors over the last 24 hours, and the relay's health.
 */
@Path("api/admin/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

  @Inject private TopologyService topology;
  @Inject private ClaudeAccountService accounts;
  @Inject private UsageQueries usage;
  @Inject private HealthCheck health;

  @GET
  public String dashboard() {
    Map<Long, UsageQueries.Totals> last24h = usage.byProvider(24);
    List<Map<String, Object>> providers = new ArrayList<>();
    UsageQueries.Totals all = new UsageQueries.Totals(0, 0, 0, 0, 0, 0, 0, 0, 0);
    for (ProviderRuntime provider : topology.current().providersById().values()) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("id", provider.id());
      view.put("name", provider.name());
      view.put("kind", provider.kind().wireName());
      view.put("available", provider.available());
      view.put("unavailableReason", provider.unavailableReason());
      Map<String, Integer> byState = new TreeMap<>();
      for (KeyHealth key : provider.pool().members()) {
        byState.merge(key.status().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
      }
      view.put("keys", byState);
      UsageQueries.Totals totals = last24h.getOrDefault(provider.id(), all);
      view.put("last24h", totals(totals));
      providers.add(view);
    }
    UsageQueries.Totals sum = sum(last24h.values());
    Map<String, Integer> accountsByState = new TreeMap<>();
    List<Map<String, Object>> accountViews = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (ClaudeAccount account : accounts.list()) {
      Map<String, Object> view =
          ClaudeAccountsResource.view(account, topology.accounts().member(account.id()), now);
      accountsByState.merge((String) view.get("status"), 1, Integer::sum);
      accountViews.add(view);
    }
    Map<String, Object> dashboard = new LinkedHashMap<>();
    dashboard.put("health", healthJson());
    dashboard.put("providers", providers);
    dashboard.put("claudeAccounts", Map.of("byState", accountsByState, "accounts", accountViews));
    dashboard.put("last24h", totals(sum));
    return AdminRequests.write(dashboard);
  }

  private Object healthJson() {
    try {
      return AdminRequests.JSON.readValue((String) health.check().getEntity(), Map.class);
    } catch (java.io.IOException e) {
      return Map.of("status", "unknown");
    }
  }

  private static UsageQueries.Totals sum(Iterable<UsageQueries.Totals> all) {
    long[] s = new long[9];
    for (UsageQueries.Totals t : all) {
      s[0] += t.requests();
      s[1] += t.successes();
      s[2] += t.failures();
      s[3] += t.rateLimited();
      s[4] += t.inputTokens();
      s[5] += t.outputTokens();
      s[6] += t.cacheCreationTokens();
      s[7] += t.cacheReadTokens();
      s[8] += t.latencyMsTotal();
    }
    return new UsageQueries.Totals(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8]);
  }

  static Map<String, Object> totals(UsageQueries.Totals t) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("requests", t.requests());
    view.put("successes", t.successes());
    view.put("errors", t.failures());
    view.put("rateLimited", t.rateLimited());
    view.put("inputTokens", t.inputTokens());
    view.put("outputTokens", t.outputTokens());
    view.put("cacheCreationTokens", t.cacheCreationTokens());
    view.put("cacheReadTokens", t.cacheReadTokens());
    view.put("averageLatencyMs", t.averageLatencyMs());
    return view;
  }
}
