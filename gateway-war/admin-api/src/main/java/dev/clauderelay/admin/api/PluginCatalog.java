package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;

/** {@code GET /api/admin/plugins}: the plugins loaded from the plugins folder at startup. */
public record PluginCatalog(String pluginsDir, List<Plugin> plugins) implements Serializable {

  /** The extension point of request and answer translators. */
  public static final String TRANSFORMER = "Transformer";

  /** The extension point of key selection strategies. */
  public static final String STRATEGY = "KeySelectionStrategy";

  /** One plugin jar and the extensions it contributes; unknown texts are empty, not null. */
  public record Plugin(
      @JsonProperty(required = true) String id,
      String version,
      String provider,
      String description,
      String jar,
      String state,
      List<Extension> extensions)
      implements Serializable {}

  /** One implementation of an extension point, e.g. {@code KeySelectionStrategy} round-robin. */
  public record Extension(String point, String id, String description) implements Serializable {}
}
