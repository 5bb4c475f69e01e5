package dev.clauderelay.gateway.application.pricing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every price, ready for the request path: an exact model name is a map look-up; otherwise the most
 * specific matching pattern wins (the one with the most literal characters: {@code
 * claude-opus-4-5*} before {@code claude-opus-4*} before {@code claude-*}). Immutable.
 */
public final class PriceTable {

  private static final PriceTable EMPTY = new PriceTable(List.of());

  private final Map<String, Price> exact = new HashMap<>();
  private final List<Price> patterns = new ArrayList<>();

  public PriceTable(List<Price> prices) {
    for (Price price : prices) {
      if (price.pattern().isExact()) {
        exact.put(price.pattern().key(), price);
      } else {
        patterns.add(price);
      }
    }
    patterns.sort(
        Comparator.comparingInt((Price p) -> p.pattern().specificity())
            .reversed()
            .thenComparing(p -> p.pattern().text()));
  }

  public static PriceTable empty() {
    return EMPTY;
  }

  /** The price of {@code model}, or {@code null} when none matches. */
  public Price priceOf(String model) {
    if (model == null || model.isEmpty()) {
      return null;
    }
    Price found = exact.get(model.toLowerCase(java.util.Locale.ROOT));
    if (found != null) {
      return found;
    }
    for (Price price : patterns) {
      if (price.pattern().matches(model)) {
        return price;
      }
    }
    return null;
  }

  /**
   * The price of what was served: the upstream's model, else the model the client asked for (an
   * alias priced under its public name).
   */
  public Price priceOf(String upstreamModel, String requestedModel) {
    Price price = priceOf(upstreamModel);
    return price != null ? price : priceOf(requestedModel);
  }

  public int size() {
    return exact.size() + patterns.size();
  }
}
