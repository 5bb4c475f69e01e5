package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.util.List;

/** Every provider's models, and the default target requests go to when no rule matches. */
public record ModelCatalog(List<ProviderModels> providers, Route selected) implements Serializable {

  private static final long serialVersionUID = 1L;

  public ModelCatalog {
    providers = List.copyOf(providers);
  }

  /** The models one provider offers. */
  public record ProviderModels(String provider, String kind, List<String> models, boolean enabled)
      implements Serializable {

    private static final long serialVersionUID = 1L;

    public ProviderModels {
      models = List.copyOf(models);
    }
  }
}
