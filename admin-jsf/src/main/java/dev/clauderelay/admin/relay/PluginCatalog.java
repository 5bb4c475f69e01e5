package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.util.List;

/** The plugins the gateway loaded from its plugins folder at startup. */
public record PluginCatalog(String pluginsDir, List<Plugin> plugins) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The extension point of request and answer translators. */
  public static final String TRANSFORMER = "Transformer";

  /** The extension point of key selection strategies. */
  public static final String STRATEGY = "KeySelectionStrategy";

  public PluginCatalog {
    plugins = List.copyOf(plugins);
  }

  /** The ids of an extension point's implementations, sorted: {@code Transformer}, ... */
  public List<String> extensionIds(String point) {
    return plugins.stream()
        .flatMap(p -> p.extensions().stream())
        .filter(e -> point.equals(e.point()))
        .map(Extension::id)
        .distinct()
        .sorted()
        .toList();
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
