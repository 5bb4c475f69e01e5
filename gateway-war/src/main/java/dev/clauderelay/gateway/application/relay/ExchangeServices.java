package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.gateway.application.account.AccountPool;
import dev.clauderelay.gateway.application.budget.Budgets;
import dev.clauderelay.gateway.application.topology.CurrentTopology;
import dev.clauderelay.gateway.application.usage.RequestRecord;
import dev.clauderelay.gateway.application.usage.UsageQueue;
import dev.clauderelay.gateway.infrastructure.upstream.UpstreamClient;

/**
 * What every exchange uses of the application, resolved once when the relay starts: the Claude
 * accounts, the upstream client, the watchdog of deadlines, and where a finished request's record
 * goes. Handed down to each exchange, so the request path never calls back up into {@link
 * RelayService}.
 */
record ExchangeServices(
    AccountPool accounts,
    UpstreamClient upstream,
    ExchangeWatchdog watchdog,
    UsageQueue usage,
    RelayMetrics metrics,
    CurrentTopology topology,
    Budgets budgets) {

  /**
   * A request is over: its cost counts against its key's budget (in memory), its record goes to the
   * usage log (asynchronously) and the metrics.
   */
  void completed(RequestRecord record, String providerName) {
    budgets
        .guard()
        .spent(record.clientKeyId(), budgets.now(), record.costNanos(), record.totalTokens());
    usage.record(record);
    metrics.completed(record, providerName);
  }
}
