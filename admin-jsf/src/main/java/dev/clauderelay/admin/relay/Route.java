package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.util.List;

/**
 * A routing rule: requests of a scenario ({@code model}, {@code background}, {@code long_context},
 * {@code think}, {@code default}) whose model matches go to a provider (and model), then to the
 * fallbacks in order.
 */
public record Route(
    long id,
    int position,
    String scenario,
    String match,
    String provider,
    String model,
    List<Target> fallbacks,
    Long threshold,
    boolean enabled)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public Route {
    fallbacks = List.copyOf(fallbacks);
  }

  /** One target: a provider and, optionally, the upstream model. */
  public record Target(String provider, String model) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** {@code provider} or {@code provider/model}, as pages show and edit it. */
    public String text() {
      return model == null || model.isEmpty() ? provider : provider + "/" + model;
    }
  }

  /** The fallbacks as one line, {@code a, b/model}. */
  public String fallbacksText() {
    return String.join(", ", fallbacks.stream().map(Target::text).toList());
  }
}
