package dev.clauderelay.admin.api;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/admin/dashboard}: the relay's health, providers with their keys by state, Claude
 * accounts by state, and the traffic of the last 24 hours.
 */
public record Dashboard(
    RelayHealth health,
    List<ProviderSummary> providers,
    AccountSummary claudeAccounts,
    UsageTotals last24h)
    implements Serializable {

  /**
   * One provider: whether it can serve, its keys by state (states sorted by name) and its day.
   *
   * @param unavailableReason why it cannot serve, null when it can
   */
  public record ProviderSummary(
      long id,
      String name,
      String kind,
      boolean available,
      String unavailableReason,
      Map<String, Integer> keys,
      UsageTotals last24h)
      implements Serializable {}

  /** The accounts by state (sorted by name), and each account. */
  public record AccountSummary(Map<String, Integer> byState, List<ClaudeAccountView> accounts)
      implements Serializable {}
}
