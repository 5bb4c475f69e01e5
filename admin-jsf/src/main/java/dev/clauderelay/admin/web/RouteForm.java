package dev.clauderelay.admin.web;

import dev.clauderelay.admin.api.RouteRequest;
import dev.clauderelay.admin.api.RouteTarget;
import dev.clauderelay.admin.api.RouteView;
import java.io.Serializable;
import java.util.List;

/** The fields of the routing rule form; fallbacks typed as {@code provider[/model], ...}. */
public class RouteForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String scenario = "model";
  private String match;
  private String provider;
  private String model;
  private String fallbacksText;
  private Long threshold;
  private boolean enabled = true;

  void reset() {
    scenario = "model";
    match = null;
    provider = null;
    model = null;
    fallbacksText = null;
    threshold = null;
    enabled = true;
  }

  void fill(RouteView route) {
    scenario = route.scenario();
    match = route.match();
    provider = route.provider();
    model = route.model();
    fallbacksText = route.fallbacksText();
    threshold = route.threshold();
    enabled = route.enabled();
  }

  /** The request for the API; the position is left out (kept). */
  RouteRequest draft() {
    return new RouteRequest(
        scenario,
        match == null ? "" : match.strip(),
        provider,
        model == null ? "" : model.strip(),
        fallbacks(fallbacksText),
        "long_context".equals(scenario) ? threshold : null,
        null,
        enabled);
  }

  /** {@code a, b/model-x} to targets; the first slash splits provider from model. */
  static List<RouteTarget> fallbacks(String text) {
    return ProviderForm.splitList(text).stream()
        .map(
            item -> {
              int slash = item.indexOf('/');
              return slash < 0
                  ? new RouteTarget(item, null)
                  : new RouteTarget(
                      item.substring(0, slash).strip(), emptyToNull(item.substring(slash + 1)));
            })
        .toList();
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public String getScenario() {
    return scenario;
  }

  public void setScenario(String scenario) {
    this.scenario = scenario;
  }

  public String getMatch() {
    return match;
  }

  public void setMatch(String match) {
    this.match = match;
  }

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public String getFallbacksText() {
    return fallbacksText;
  }

  public void setFallbacksText(String fallbacksText) {
    this.fallbacksText = fallbacksText;
  }

  public Long getThreshold() {
    return threshold;
  }

  public void setThreshold(Long threshold) {
    this.threshold = threshold;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}
