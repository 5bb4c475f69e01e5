package dev.clauderelay.gateway.application.budget;

import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Holds a client key to its budget on the request path, from memory: a key over a cost or token
 * limit of the current day, week or month, or at its concurrency limit, gets a {@code
 * rate_limit_error} that names the limit and when it resets. What passes takes a concurrency slot
 * (when the key has a limit) that the returned {@link Admission} gives back, once, at the end of
 * the exchange however it ends.
 */
public final class BudgetGuard {

  /** A request let through; {@link #close} gives back its concurrency slot. Idempotent. */
  public interface Admission extends AutoCloseable {
    @Override
    void close();
  }

  /** A budget said no: the error for the client and the seconds until it may try again. */
  public static final class OverBudget extends GatewayError {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    OverBudget(String message, long retryAfterSeconds) {
      super(ErrorType.RATE_LIMIT, message);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  private static final Admission NOTHING_HELD = () -> {};
  private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);

  private final SpendStore store;
  private final LongSupplier clock;

  public BudgetGuard(SpendStore store, LongSupplier clock) {
    this.store = store;
    this.clock = clock;
  }

  public SpendStore store() {
    return store;
  }

  /**
   * Lets a request of the key through, or says why not.
   *
   * @throws OverBudget when a limit is reached
   */
  public Admission admit(long clientKeyId, Budget budget) {
    if (budget == null) {
      return NOTHING_HELD;
    }
    long now = clock.getAsLong();
    if (budget.limitsSpend()) {
      Spend spend = store.spend(clientKeyId, now);
      for (BudgetPeriod period : BudgetPeriod.values()) {
        long costLimit = budget.costLimit(period);
        if (costLimit > 0 && spend.cost(period) >= costLimit) {
          throw over(
              period.adjective()
                  + " cost limit of "
                  + amount(costLimit)
                  + " is reached ("
                  + amount(spend.cost(period))
                  + " spent)",
              period,
              now);
        }
        long tokenLimit = budget.tokenLimit(period);
        if (tokenLimit > 0 && spend.tokens(period) >= tokenLimit) {
          throw over(
              period.adjective()
                  + " token limit of "
                  + tokenLimit
                  + " is reached ("
                  + spend.tokens(period)
                  + " used)",
              period,
              now);
        }
      }
    }
    if (budget.concurrency() <= 0) {
      return NOTHING_HELD;
    }
    if (!store.enter(clientKeyId, budget.concurrency())) {
      throw new OverBudget(
          "This client key's concurrency limit of "
              + budget.concurrency()
              + " request(s) in flight is reached; retry when one of them has finished.",
          1);
    }
    AtomicBoolean held = new AtomicBoolean(true);
    return () -> {
      if (held.compareAndSet(true, false)) {
        store.leave(clientKeyId);
      }
    };
  }

  /** Counts a finished request against its key's budget. */
  public void spent(long clientKeyId, long atMillis, long costNanos, long tokens) {
    if (clientKeyId > 0) {
      store.add(clientKeyId, atMillis, costNanos, tokens);
    }
  }

  private static OverBudget over(String what, BudgetPeriod period, long now) {
    long reset = period.resetAfter(now);
    long seconds = Math.max(1, (reset - now + 999) / 1000);
    return new OverBudget(
        "This client key's "
            + what
            + "; it resets at "
            + Instant.ofEpochMilli(reset)
            + " (in "
            + seconds
            + " s). Ask the relay's admin to raise the budget.",
        seconds);
  }

  /** Nano-units as a plain decimal amount, e.g. {@code 5.25}. */
  public static String amount(long nanos) {
    return BigDecimal.valueOf(nanos).divide(NANOS).stripTrailingZeros().toPlainString();
  }
}
