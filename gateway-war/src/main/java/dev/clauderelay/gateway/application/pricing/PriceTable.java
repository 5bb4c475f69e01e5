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

  /** Models resolved through the patterns, remembered: a request prices with one look-up. */
  private static final int MAX_REMEMBERED = 4096;

  private static final Price NONE =
      new Price(
          new dev.clauderelay.gateway.application.routing.ModelPattern("-"),
          "",
          java.math.BigDecimal.ZERO,
          java.math.BigDecimal.ZERO,
          java.math.BigDecimal.ZERO,
          java.math.BigDecimal.ZERO);

  private final Map<String, Price> exact = new HashMap<>();
  private final List<Price> patterns = new ArrayList<>();
  private final Map<String, Price> remembered = new java.util.concurrent.ConcurrentHashMap<>();

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
    Price known = remembered.get(model);
    if (known != null) {
      return known == NONE ? null : known;
    }
    Price matched = NONE;
    for (Price price : patterns) {
      if (price.pattern().matches(model)) {
        matched = price;
        break;
      }
    }
    if (remembered.size() < MAX_REMEMBERED && model.length() <= 200) {
      remembered.put(model, matched); // bounded: client-chosen names cannot grow it without end
    }
    return matched == NONE ? null : matched;
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
