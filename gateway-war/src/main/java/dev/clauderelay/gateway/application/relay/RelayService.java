package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.gateway.application.budget.Budgets;
import dev.clauderelay.gateway.application.routing.RequestTraits;
import dev.clauderelay.gateway.application.routing.ResolvedRoute;
import dev.clauderelay.gateway.application.topology.CurrentTopology;
import dev.clauderelay.gateway.application.topology.RelayTopology;
import dev.clauderelay.gateway.application.usage.RequestRecord;
import dev.clauderelay.gateway.application.usage.UsageQueue;
import dev.clauderelay.gateway.infrastructure.upstream.UpstreamClient;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Entry to the request path: resolves the route from the in-memory topology and runs the exchange.
 * Reads no database; usage leaves through the asynchronous recorder.
 */
@ApplicationScoped
public class RelayService {

  @Inject private CurrentTopology topology;
  @Inject private UpstreamClient upstream;
  @Inject private UsageQueue usage;
  @Inject private ExchangeWatchdog watchdog;
  @Inject private RelayMetrics metrics;
  @Inject private Budgets budgets;

  private ExchangeServices exchanges;

  @PostConstruct
  void resolve() {
    exchanges =
        new ExchangeServices(
            topology.accounts(), upstream, watchdog, usage, metrics, topology, budgets);
  }

  /**
   * Creates the request path's beans at startup, on a container thread: created lazily, the first
   * of them would be built on an upstream's thread, where their container resources cannot be
   * injected, and the first requests would fail.
   */
  void warmUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
    upstream.executor();
    watchdog.openExchanges();
    metrics.warmUp();
  }

  /**
   * Relays an authenticated, validated request; the answer goes to {@code client}.
   *
   * @throws GatewayError before anything is sent, when the query string is malformed or no route
   *     serves the model
   */
  public void relay(RelayRequest request, ClientChannel client) {
    ClientQuery.requireWellFormed(request.query());
    RelayTopology current = topology.get();
    Optional<ResolvedRoute> route =
        current
            .routes()
            .resolve(
                request.body().model(),
                new RequestTraits(
                    request.body().estimatedInputTokens(), request.body().thinking()));
    if (route.isEmpty()) {
      throw new GatewayError(
          ErrorType.NOT_FOUND,
          "model: no route serves '"
              + request.body().model()
              + "'. An admin can add a route or select a default model (POST"
              + " /api/admin/select-model).");
    }
    new RelayExchange(exchanges, request, route.get(), client).start();
  }

  /** Records a request refused before it reached the relay's loop (auth, validation, routing). */
  public void refused(RequestRecord record) {
    exchanges.completed(record, null);
  }
}
