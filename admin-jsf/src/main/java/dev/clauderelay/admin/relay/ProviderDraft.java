package dev.clauderelay.admin.relay;

import java.io.Serializable;
import java.util.List;

/**
 * What an admin writes about a provider; a null field is left out of the request, so the gateway
 * keeps the current value (an update) or takes its default (a creation).
 */
public record ProviderDraft(
    String name,
    String kind,
    String baseUrl,
    String transformer,
    String strategy,
    List<String> models,
    Boolean enabled,
    Boolean sessionAffinity,
    Boolean claudeAccounts)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Only the enabled flag: for the enable / disable switch of a provider row. */
  public static ProviderDraft enabledOnly(boolean enabled) {
    return new ProviderDraft(null, null, null, null, null, null, enabled, null, null);
  }
}
