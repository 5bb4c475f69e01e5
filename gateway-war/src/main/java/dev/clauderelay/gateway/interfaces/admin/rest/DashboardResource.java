package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.admin.api.ClaudeAccountView;
import dev.clauderelay.admin.api.Dashboard;
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
import java.util.List;
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
    List<Dashboard.ProviderSummary> providers = new ArrayList<>();
    UsageQueries.Totals none = new UsageQueries.Totals(0, 0, 0, 0, 0, 0, 0, 0, 0);
    for (ProviderRuntime provider : topology.current().providersById().values()) {
      Map<String, Integer> byState = new TreeMap<>();
      for (KeyHealth key : provider.pool().members()) {
        byState.merge(KeyPoolViews.name(key.status()), 1, Integer::sum);
      }
      providers.add(
          new Dashboard.ProviderSummary(
              provider.id(),
              provider.name(),
              provider.kind().wireName(),
              provider.available(),
              provider.unavailableReason(),
              byState,
              AdminViews.totals(last24h.getOrDefault(provider.id(), none))));
    }
    Map<String, Integer> accountsByState = new TreeMap<>();
    List<ClaudeAccountView> accountViews = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (ClaudeAccount account : accounts.list()) {
      ClaudeAccountView view =
          AdminViews.account(account, topology.accounts().member(account.id()), now);
      accountsByState.merge(view.status(), 1, Integer::sum);
      accountViews.add(view);
    }
    return AdminRequests.write(
        new Dashboard(
            health.report(),
            providers,
            new Dashboard.AccountSummary(accountsByState, accountViews),
            AdminViews.totals(sum(last24h.values()))));
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
}
