package dev.clauderelay.admin.api;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/admin/usage/cost?hours=&by=provider|model|client-key}: cost hour by hour (oldest
 * first, every hour present) for each provider, model or client key, the largest first; the rest
 * summed as "other" beyond the first ten. Amounts in the prices' currency.
 *
 * @param hourStarts the start of each hour; every series has one point per hour
 * @param unpricedRequests requests in the period whose model had no price (their cost is unknown)
 */
public record CostReport(
    int hours,
    String by,
    List<Instant> hourStarts,
    List<Series> series,
    BigDecimal total,
    long unpricedRequests)
    implements Serializable {

  /** One provider's, model's or client key's cost per hour, and its total. */
  public record Series(String name, List<BigDecimal> cost, BigDecimal total)
      implements Serializable {}
}
