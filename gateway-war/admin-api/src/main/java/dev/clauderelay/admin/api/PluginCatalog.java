package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;

/**
 * {@code GET /api/admin/plugins}: every plugin jar of the plugins folder, loaded or not.
 *
 * @param apiVersion the plugin API version this relay provides; a plugin whose {@code
 *     Plugin-Requires} it does not satisfy is refused
 * @param maxUploadBytes the largest plugin jar {@code POST /api/admin/plugins} accepts
 */
public record PluginCatalog(
    String pluginsDir, List<Plugin> plugins, String apiVersion, long maxUploadBytes)
    implements Serializable {

  /** The extension point of request and answer translators. */
  public static final String TRANSFORMER = "Transformer";

  /** The extension point of key selection strategies. */
  public static final String STRATEGY = "KeySelectionStrategy";

  /** A plugin that runs and contributes its extensions. */
  public static final String STARTED = "STARTED";

  /** A plugin an admin stopped; it stays stopped across restarts until enabled. */
  public static final String DISABLED = "DISABLED";

  /** A jar that could not be loaded; {@link Plugin#error()} says why. */
  public static final String FAILED = "FAILED";

  public PluginCatalog(String pluginsDir, List<Plugin> plugins) {
    this(pluginsDir, plugins, "", 0);
  }

  /**
   * One plugin jar and the extensions it contributes; unknown texts are empty, not null.
   *
   * @param state {@link #STARTED}, {@link #DISABLED} or {@link #FAILED}
   * @param requires the plugin API versions the plugin declares it needs, {@code *} for any
   * @param error why a {@link #FAILED} jar is not loaded; empty otherwise
   * @param usedBy the providers whose transformer or key selection strategy comes from it
   */
  public record Plugin(
      @JsonProperty(required = true) String id,
      String version,
      String provider,
      String description,
      String jar,
      String state,
      List<Extension> extensions,
      String requires,
      String error,
      List<String> usedBy)
      implements Serializable {

    public Plugin(
        String id,
        String version,
        String provider,
        String description,
        String jar,
        String state,
        List<Extension> extensions) {
      this(id, version, provider, description, jar, state, extensions, "", "", List.of());
    }
  }

  /** One implementation of an extension point, e.g. {@code KeySelectionStrategy} round-robin. */
  public record Extension(String point, String id, String description) implements Serializable {}
}
