package dev.clauderelay.gateway.application.topology;

import dev.clauderelay.gateway.application.pricing.PriceTable;
import dev.clauderelay.gateway.application.routing.RouteTable;
import java.util.List;
import java.util.Map;

/**
 * Everything the request path reads, as one immutable snapshot: swapped whole when an admin change
 * commits, so a request sees one consistent configuration and never the database.
 *
 * @param clientKeysByHash client keys by the SHA-256 hex of the key
 * @param advertisedModels the model ids {@code GET /v1/models} lists
 * @param prices the price of each model, for each request's cost
 */
public record RelayTopology(
    Map<Long, ProviderRuntime> providersById,
    Map<String, ProviderRuntime> providersByName,
    RouteTable routes,
    Map<String, ClientKeyView> clientKeysByHash,
    List<String> advertisedModels,
    PriceTable prices) {

  public static RelayTopology empty() {
    return new RelayTopology(
        Map.of(), Map.of(), RouteTable.empty(), Map.of(), List.of(), PriceTable.empty());
  }
}
