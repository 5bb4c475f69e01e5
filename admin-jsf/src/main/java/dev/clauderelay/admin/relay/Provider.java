package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A provider as the admin API shows it: its settings, whether the relay can use it now, and how
 * many keys its pool holds (how many usable).
 *
 * @param sessionAffinity each Claude Code session stays on one key while it is usable
 * @param claudeAccounts an anthropic provider sends with the Claude accounts first, then its keys
 */
public record Provider(
    long id,
    String name,
    String kind,
    String baseUrl,
    String transformer,
    String strategy,
    List<String> models,
    Map<String, String> modelAliases,
    boolean enabled,
    boolean sessionAffinity,
    boolean claudeAccounts,
    boolean available,
    String unavailableReason,
    int keys,
    int usableKeys)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public Provider {
    models = List.copyOf(models);
    modelAliases = Map.copyOf(modelAliases);
  }

  /** The models as one comma-separated line, as the edit form shows them. */
  public String modelsText() {
    return String.join(", ", models);
  }
}
