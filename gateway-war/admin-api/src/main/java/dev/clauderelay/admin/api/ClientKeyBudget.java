package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A client key's budget: cost limits per UTC day, week (from Monday) and calendar month, in the
 * prices' currency; token limits (every token, cached ones included) per the same periods; and how
 * many requests may be in flight at once. {@code null} or 0: no limit. Over a limit, the key's
 * requests get 429 {@code rate_limit_error} naming the limit and its reset, until it resets.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientKeyBudget(
    @DecimalMin("0") BigDecimal dailyCost,
    @DecimalMin("0") BigDecimal weeklyCost,
    @DecimalMin("0") BigDecimal monthlyCost,
    @Min(0) Long dailyTokens,
    @Min(0) Long weeklyTokens,
    @Min(0) Long monthlyTokens,
    @Min(0) @Max(100_000) Integer concurrency)
    implements Serializable {

  /** Whether no limit at all is set. */
  public boolean unlimited() {
    return isZero(dailyCost)
        && isZero(weeklyCost)
        && isZero(monthlyCost)
        && isZero(dailyTokens)
        && isZero(weeklyTokens)
        && isZero(monthlyTokens)
        && (concurrency == null || concurrency == 0);
  }

  private static boolean isZero(BigDecimal amount) {
    return amount == null || amount.signum() == 0;
  }

  private static boolean isZero(Long count) {
    return count == null || count == 0;
  }
}
