package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.util.List;

/** The plugins the gateway loaded from its plugins folder at startup. */
public record PluginCatalog(String pluginsDir, List<Plugin> plugins) implements Serializable {

  private static final long serialVersionUID = 1L;

  public PluginCatalog {
    plugins = List.copyOf(plugins);
  }

  /** One plugin jar and the extensions it contributes. */
  public record Plugin(
      String id,
      String version,
      String provider,
      String description,
      String jar,
      String state,
      List<Extension> extensions)
      implements Serializable {

    private static final long serialVersionUID = 1L;

    public Plugin {
      extensions = List.copyOf(extensions);
    }
  }

  /** One implementation of an extension point, e.g. {@code KeySelectionStrategy} round-robin. */
  public record Extension(String point, String id, String description) implements Serializable {

    private static final long serialVersionUID = 1L;
  }
}
