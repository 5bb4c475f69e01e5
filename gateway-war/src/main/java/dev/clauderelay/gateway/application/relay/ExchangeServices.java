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
   * A request's cost counts against its key's budget (in memory). Called before the client holds
   * the whole answer: a client that sends its next request the moment an answer is complete must
   * meet what this one spent.
   */
  void charge(long clientKeyId, long costNanos, long tokens) {
    budgets.guard().spent(clientKeyId, budgets.now(), costNanos, tokens);
  }

  /** A request is over: its record goes to the usage log (asynchronously) and the metrics. */
  void completed(RequestRecord record, String providerName) {
    usage.record(record);
    metrics.completed(record, providerName);
  }
}
