package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;

/**
 * A routing rule: requests of a scenario ({@code model}, {@code background}, {@code long_context},
 * {@code think}, {@code default}) whose model matches go to a provider (and model), then to the
 * fallbacks in order.
 *
 * @param provider the target provider's name
 * @param threshold for {@code long_context}: estimated input tokens above which it applies
 */
public record RouteView(
    @JsonProperty(required = true) long id,
    int position,
    String scenario,
    String match,
    String provider,
    String model,
    List<RouteTarget> fallbacks,
    Long threshold,
    boolean enabled)
    implements Serializable {

  /** The fallbacks as one line, {@code a, b/model}. */
  public String fallbacksText() {
    return fallbacks == null
        ? ""
        : String.join(", ", fallbacks.stream().map(RouteTarget::text).toList());
  }
}
