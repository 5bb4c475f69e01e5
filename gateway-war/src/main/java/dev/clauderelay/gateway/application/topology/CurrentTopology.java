package dev.clauderelay.gateway.application.topology;

import dev.clauderelay.gateway.application.account.AccountPool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the request path reads: the current {@link RelayTopology} snapshot and the Claude accounts.
 * A plain bean rather than the {@link TopologyService} EJB, whose proxy costs reflection and
 * allocation on every call; {@link TopologyService} publishes each new snapshot here.
 */
@ApplicationScoped
public class CurrentTopology {

  private final AccountPool accounts = new AccountPool(System::currentTimeMillis);
  private volatile RelayTopology current = RelayTopology.empty();

  public RelayTopology get() {
    return current;
  }

  void publish(RelayTopology topology) {
    current = topology;
  }

  public AccountPool accounts() {
    return accounts;
  }
}
