package dev.clauderelay.gateway.application.budget;

/**
 * What a client key spent in the current day, week and month (UTC), and its requests in flight.
 * Costs in nano-units.
 */
public record Spend(
    long dayCostNanos,
    long weekCostNanos,
    long monthCostNanos,
    long dayTokens,
    long weekTokens,
    long monthTokens,
    int inFlight) {

  public static final Spend NONE = new Spend(0, 0, 0, 0, 0, 0, 0);

  public long cost(BudgetPeriod period) {
    return switch (period) {
      case DAY -> dayCostNanos;
      case WEEK -> weekCostNanos;
      case MONTH -> monthCostNanos;
    };
  }

  public long tokens(BudgetPeriod period) {
    return switch (period) {
      case DAY -> dayTokens;
      case WEEK -> weekTokens;
      case MONTH -> monthTokens;
    };
  }
}
