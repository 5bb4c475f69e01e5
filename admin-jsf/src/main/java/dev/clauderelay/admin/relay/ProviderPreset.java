package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.util.List;

/** A provider template a plugin offers: the defaults the add-provider page fills in. */
public record ProviderPreset(
    String id,
    String name,
    String description,
    String kind,
    String baseUrl,
    String transformer,
    String strategy,
    List<String> models)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public ProviderPreset {
    models = List.copyOf(models);
  }
}
