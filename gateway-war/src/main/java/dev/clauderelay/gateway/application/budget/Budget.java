package dev.clauderelay.gateway.application.budget;

/**
 * A client key's limits as the request path holds them; 0 means no limit. Costs in nano-units of
 * the prices' currency.
 */
public record Budget(
    long dailyCostNanos,
    long weeklyCostNanos,
    long monthlyCostNanos,
    long dailyTokens,
    long weeklyTokens,
    long monthlyTokens,
    int concurrency) {

  public static final Budget NONE = new Budget(0, 0, 0, 0, 0, 0, 0);

  public long costLimit(BudgetPeriod period) {
    return switch (period) {
      case DAY -> dailyCostNanos;
      case WEEK -> weeklyCostNanos;
      case MONTH -> monthlyCostNanos;
    };
  }

  public long tokenLimit(BudgetPeriod period) {
    return switch (period) {
      case DAY -> dailyTokens;
      case WEEK -> weeklyTokens;
      case MONTH -> monthlyTokens;
    };
  }

  /** Whether any cost or token limit is set (the concurrency limit aside). */
  public boolean limitsSpend() {
    return dailyCostNanos > 0
        || weeklyCostNanos > 0
        || monthlyCostNanos > 0
        || dailyTokens > 0
        || weeklyTokens > 0
        || monthlyTokens > 0;
  }
}
