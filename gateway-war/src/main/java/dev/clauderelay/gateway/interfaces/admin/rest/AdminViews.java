package dev.clauderelay.gateway.interfaces.admin.rest;

import dev.clauderelay.admin.api.ClaudeAccountView;
import dev.clauderelay.admin.api.ClientKeyBudget;
import dev.clauderelay.admin.api.ClientKeySpend;
import dev.clauderelay.admin.api.ClientKeyView;
import dev.clauderelay.admin.api.PriceView;
import dev.clauderelay.admin.api.ProviderKeyView;
import dev.clauderelay.admin.api.ProviderView;
import dev.clauderelay.admin.api.RouteTarget;
import dev.clauderelay.admin.api.RouteView;
import dev.clauderelay.admin.api.UsageTotals;
import dev.clauderelay.admin.api.UsageWindowsView;
import dev.clauderelay.gateway.application.account.AccountHealth;
import dev.clauderelay.gateway.application.account.UnifiedWindows;
import dev.clauderelay.gateway.application.budget.BudgetPeriod;
import dev.clauderelay.gateway.application.budget.Spend;
import dev.clauderelay.gateway.application.pool.KeyHealth;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.application.usage.UsageQueries;
import dev.clauderelay.gateway.domain.model.account.AccountStatus;
import dev.clauderelay.gateway.domain.model.account.ClaudeAccount;
import dev.clauderelay.gateway.domain.model.clientkey.ClientKey;
import dev.clauderelay.gateway.domain.model.price.ModelPrice;
import dev.clauderelay.gateway.domain.model.provider.Provider;
import dev.clauderelay.gateway.domain.model.provider.ProviderKey;
import dev.clauderelay.gateway.domain.model.provider.ProviderSettings;
import dev.clauderelay.gateway.domain.model.route.Route;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * What the admin API shows of providers, keys, routes, client keys and Claude accounts: the
 * contract's records made from the domain, secrets only masked.
 */
final class AdminViews {

  private AdminViews() {}

  /**
   * A provider's settings, and what the relay makes of it once loaded.
   *
   * @param runtime null until the relay has loaded the provider
   */
  static ProviderView provider(Provider provider, ProviderRuntime runtime) {
    ProviderSettings s = provider.settings();
    return new ProviderView(
        provider.id(),
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
        runtime == null
            ? null
            : new ProviderView.State(
                runtime.available(),
                runtime.unavailableReason(),
                runtime.pool().members().size(),
                runtime.pool().usableCount()),
        instant(provider.createdAt()),
        instant(provider.updatedAt()));
  }

  /**
   * A key of a provider: its live state and traffic once the relay has loaded it, else its stored
   * state and request count.
   */
  static ProviderKeyView key(ProviderKey key, KeyHealth live) {
    if (live == null) {
      return new ProviderKeyView(
          key.id(),
          key.providerId(),
          key.masked(),
          key.label(),
          key.weight(),
          KeyPoolViews.name(key.status()),
          null,
          key.totalRequests(),
          null,
          instant(key.createdAt()));
    }
    return new ProviderKeyView(
        key.id(),
        key.providerId(),
        key.masked(),
        key.label(),
        key.weight(),
        KeyPoolViews.name(live.status()),
        new ProviderKeyView.Live(
            KeyPoolViews.instant(live.statusUntilMillis()), live.statusReason(), live.inFlight()),
        live.totalRequests(),
        new ProviderKeyView.Traffic(
            live.successes(),
            live.failures(),
            live.rateLimited(),
            KeyPoolViews.instant(live.lastUsedMillis()),
            live.lastError()),
        instant(key.createdAt()));
  }

  static ClientKeyView clientKey(ClientKey key) {
    return clientKey(key, key.masked());
  }

  /** A client key showing {@code shownKey}: masked, or once, right after creation, in clear. */
  static ClientKeyView clientKey(ClientKey key, String shownKey) {
    return new ClientKeyView(
        key.id(),
        key.name(),
        shownKey,
        key.enabled(),
        key.allowedModels(),
        key.rpmLimit(),
        instant(key.expiresAt()),
        instant(key.lastUsedAt()),
        instant(key.createdAt()),
        budget(key),
        null);
  }

  /** A client key with what it spent so far. */
  static ClientKeyView clientKey(ClientKey key, Spend spend, long nowMillis) {
    ClientKeyView view = clientKey(key);
    return new ClientKeyView(
        view.id(),
        view.name(),
        view.key(),
        view.enabled(),
        view.models(),
        view.rpmLimit(),
        view.expiresAt(),
        view.lastUsedAt(),
        view.createdAt(),
        view.budget(),
        spend(spend, nowMillis));
  }

  static RouteView route(Route route, Map<Long, String> providerNames) {
    return new RouteView(
        route.id(),
        route.position(),
        KeyPoolViews.name(route.scenario()),
        route.matchPattern(),
        providerNames.get(route.providerId()),
        route.upstreamModel(),
        route.fallbacks().stream().map(t -> new RouteTarget(t.provider(), t.model())).toList(),
        route.threshold(),
        route.enabled());
  }

  /**
   * An account as admins see it: the stored fields, with the status and limits the relay lives by
   * (a rate limit runs out by itself; the database keeps the last one seen) and live counters.
   *
   * @param live the account's run-time state, {@code null} until the relay has loaded it
   */
  static ClaudeAccountView account(ClaudeAccount account, AccountHealth live, long nowMillis) {
    AccountStatus status = live != null ? live.status(nowMillis) : effective(account, nowMillis);
    return new ClaudeAccountView(
        account.id(),
        account.name(),
        KeyPoolViews.name(account.authType()),
        KeyPoolViews.name(status),
        live != null
            ? live.statusReason(nowMillis)
            : status == AccountStatus.ACTIVE ? null : account.statusReason(),
        account.maskedCredential(),
        account.scopes(),
        instant(account.expiresAt()),
        instant(account.lastRefreshAt()),
        status == AccountStatus.RATE_LIMITED
            ? live != null
                ? KeyPoolViews.instant(live.limitedUntilMillis())
                : instant(account.rateLimitedUntil())
            : null,
        live != null && live.lastLimitedMillis() > 0
            ? KeyPoolViews.instant(live.lastLimitedMillis())
            : instant(account.lastLimitedAt()),
        account.oauthState() != null,
        instant(account.createdAt()),
        live == null
            ? null
            : new ClaudeAccountView.Traffic(
                live.inFlight(),
                live.requests(),
                live.successes(),
                live.failures(),
                live.rateLimitedCount(),
                KeyPoolViews.instant(live.lastUsedMillis()),
                live.lastError(),
                KeyPoolViews.instant(live.lastErrorMillis()),
                live.refreshInProgress()),
        windows(live != null ? live.windows() : UnifiedWindows.fromJson(account.usageWindows())));
  }

  static UsageWindowsView windows(UnifiedWindows report) {
    if (report == null) {
      return null;
    }
    return new UsageWindowsView(
        report.status(),
        report.representativeClaim(),
        report.fallbackPercentage(),
        KeyPoolViews.instant(report.resetMillis()),
        report.windows().entrySet().stream()
            .map(
                e ->
                    new UsageWindowsView.Window(
                        e.getKey(),
                        e.getValue().utilization(),
                        KeyPoolViews.instant(e.getValue().resetMillis()),
                        e.getValue().status()))
            .toList(),
        KeyPoolViews.instant(report.observedAtMillis()));
  }

  static PriceView price(ModelPrice price) {
    return new PriceView(
        price.id(),
        price.modelPattern(),
        price.currency(),
        price.inputPerMtok(),
        price.outputPerMtok(),
        price.cacheWritePerMtok(),
        price.cacheReadPerMtok(),
        price.note(),
        instant(price.updatedAt()));
  }

  /** A key's budget as stored, or {@code null} when it has none. */
  static ClientKeyBudget budget(ClientKey key) {
    ClientKeyBudget budget =
        new ClientKeyBudget(
            key.dailyCostLimit(),
            key.weeklyCostLimit(),
            key.monthlyCostLimit(),
            key.dailyTokenLimit(),
            key.weeklyTokenLimit(),
            key.monthlyTokenLimit(),
            key.concurrencyLimit());
    return budget.unlimited() ? null : budget;
  }

  static ClientKeySpend spend(Spend spend, long nowMillis) {
    return new ClientKeySpend(
        money(spend.dayCostNanos()),
        money(spend.weekCostNanos()),
        money(spend.monthCostNanos()),
        spend.dayTokens(),
        spend.weekTokens(),
        spend.monthTokens(),
        spend.inFlight(),
        Instant.ofEpochMilli(BudgetPeriod.DAY.resetAfter(nowMillis)),
        Instant.ofEpochMilli(BudgetPeriod.WEEK.resetAfter(nowMillis)),
        Instant.ofEpochMilli(BudgetPeriod.MONTH.resetAfter(nowMillis)));
  }

  /** Nano-units as an amount with 6 decimals (micro-units: what prices are set in). */
  static BigDecimal money(long nanos) {
    return BigDecimal.valueOf(nanos, 9).setScale(6, java.math.RoundingMode.HALF_UP);
  }

  private static AccountStatus effective(ClaudeAccount account, long nowMillis) {
    if (account.status() == AccountStatus.RATE_LIMITED
        && (account.rateLimitedUntil() == null
            || account.rateLimitedUntil().toInstant(ZoneOffset.UTC).toEpochMilli() <= nowMillis)) {
      return AccountStatus.ACTIVE;
    }
    return account.status();
  }

  static UsageTotals totals(UsageQueries.Totals t) {
    return new UsageTotals(
        t.requests(),
        t.successes(),
        t.failures(),
        t.rateLimited(),
        t.inputTokens(),
        t.outputTokens(),
        t.cacheCreationTokens(),
        t.cacheReadTokens(),
        t.averageLatencyMs());
  }

  /**
   * The database keeps UTC wall-clock times (JPA maps no {@code Instant}); the API shows instants.
   */
  static Instant instant(LocalDateTime time) {
    return time == null ? null : time.toInstant(ZoneOffset.UTC);
  }
}
