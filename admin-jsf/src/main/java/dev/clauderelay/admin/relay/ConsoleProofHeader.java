package dev.clauderelay.admin.relay;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Adds the gateway's console proof to every admin API call: the gateway publishes a secret inside
 * the process at each start, and believes the browser address this console forwards only from a
 * caller that shows it. A console deployed apart from the gateway finds no proof, and the gateway
 * then believes it only if the operator lists it in {@code RELAY_TRUSTED_PROXIES}.
 */
public final class ConsoleProofHeader implements ClientRequestFilter {

  /** Kept in step with the gateway's {@code ClientAddress}. */
  static final String HEADER = "X-Relay-Console-Proof";

  static final String PROPERTY = "relay.console.proof";

  @Override
  public void filter(ClientRequestContext request) {
    String proof = System.getProperty(PROPERTY);
    if (proof != null) {
      request.getHeaders().putSingle(HEADER, proof);
    }
  }
}
