package dev.clauderelay.gateway.application.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clauderelay.plugin.api.ErrorType;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BudgetGuardTest {

  private static final long DOLLAR = 1_000_000_000L;

  // Wednesday 2026-12-09 23:00 UTC
  private final AtomicLong clock =
      new AtomicLong(Instant.parse("2026-12-09T23:00:00Z").toEpochMilli());
  private final InMemorySpendStore store = new InMemorySpendStore();
  private final BudgetGuard guard = new BudgetGuard(store, clock::get);

  @Test
  void aDailyCostLimitRefusesOnceSpentNamesTheLimitAndResetsAtMidnightUtc() {
    Budget budget = new Budget(DOLLAR, 0, 0, 0, 0, 0, 0);
    guard.admit(7, budget).close();
    guard.spent(7, clock.get(), DOLLAR / 2, 1_000);
    guard.admit(7, budget).close();
    guard.spent(7, clock.get(), DOLLAR / 2 + 1, 1_000);

    BudgetGuard.OverBudget over =
        catchThrowableOfType(() -> guard.admit(7, budget), BudgetGuard.OverBudget.class);
    assertThat(over.type()).isEqualTo(ErrorType.RATE_LIMIT);
    assertThat(over.getMessage())
        .contains("daily cost limit of 1 is reached (1.000000001 spent)")
        .contains("resets at 2026-12-10T00:00:00Z");
    assertThat(over.retryAfterSeconds()).isEqualTo(3_600);

    clock.set(Instant.parse("2026-12-10T00:00:00Z").toEpochMilli());
    guard.admit(7, budget).close();
    assertThat(store.spend(7, clock.get()).dayCostNanos()).isZero();
    assertThat(store.spend(7, clock.get()).weekCostNanos()).isEqualTo(DOLLAR + 1);
  }

  @Test
  void weeklyAndMonthlyTokenLimitsResetOnMondayAndOnTheFirst() {
    Budget weekly = new Budget(0, 0, 0, 0, 5_000, 0, 0);
    guard.spent(3, clock.get(), 0, 5_000);
    assertThat(catchThrowableOfType(() -> guard.admit(3, weekly), BudgetGuard.OverBudget.class))
        .hasMessageContaining("weekly token limit of 5000 is reached (5000 used)")
        .hasMessageContaining("2026-12-14T00:00:00Z");
    Budget monthly = new Budget(0, 0, 0, 0, 0, 5_000, 0);
    assertThatThrownBy(() -> guard.admit(3, monthly)).hasMessageContaining("2027-01-01T00:00:00Z");
    clock.set(Instant.parse("2026-12-14T00:00:00Z").toEpochMilli());
    guard.admit(3, weekly).close();
    assertThatThrownBy(() -> guard.admit(3, monthly)).isInstanceOf(BudgetGuard.OverBudget.class);
  }

  @Test
  void theConcurrencyLimitHoldsUntilEachAdmissionIsClosedOnce() {
    Budget two = new Budget(0, 0, 0, 0, 0, 0, 2);
    BudgetGuard.Admission first = guard.admit(9, two);
    BudgetGuard.Admission second = guard.admit(9, two);
    assertThat(catchThrowableOfType(() -> guard.admit(9, two), BudgetGuard.OverBudget.class))
        .hasMessageContaining("concurrency limit of 2");
    first.close();
    first.close(); // twice: gives back one slot only
    BudgetGuard.Admission third = guard.admit(9, two);
    assertThatThrownBy(() -> guard.admit(9, two)).isInstanceOf(BudgetGuard.OverBudget.class);
    second.close();
    third.close();
    assertThat(store.spend(9, clock.get()).inFlight()).isZero();
  }

  @Test
  void spendRestoredAtStartCountsAndARequestOfAnEndedPeriodCountsNowhere() {
    long dayStart = BudgetPeriod.DAY.startOf(clock.get());
    store.restore(5, BudgetPeriod.DAY, dayStart, 2 * DOLLAR, 10);
    store.restore(5, BudgetPeriod.MONTH, BudgetPeriod.MONTH.startOf(clock.get()), 9 * DOLLAR, 99);
    guard.spent(5, clock.get(), DOLLAR, 1);
    guard.spent(5, dayStart - 1, DOLLAR, 1); // yesterday's, late: this week and month only
    Spend spend = store.spend(5, clock.get());
    assertThat(spend.dayCostNanos()).isEqualTo(3 * DOLLAR);
    assertThat(spend.monthCostNanos()).isEqualTo(11 * DOLLAR);
    assertThat(spend.monthTokens()).isEqualTo(101);
    assertThat(BudgetGuard.amount(1_500_000_000L)).isEqualTo("1.5");
  }

  @Test
  void noBudgetHoldsNothing() {
    guard.admit(1, null).close();
    guard.admit(1, Budget.NONE).close();
    guard.spent(0, clock.get(), DOLLAR, 1); // anonymous: nobody's budget
    assertThat(store.spend(0, clock.get())).isEqualTo(Spend.NONE);
  }
}
