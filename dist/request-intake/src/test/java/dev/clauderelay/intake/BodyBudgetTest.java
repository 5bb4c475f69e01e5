package dev.clauderelay.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BodyBudgetTest {

  @Test
  void refusesWhatWouldPassTheBudgetAndTakesItBackOnRelease() {
    BodyBudget budget = new BodyBudget(100);
    assertThat(budget.tryReserve(60)).isTrue();
    assertThat(budget.tryReserve(41)).isFalse();
    assertThat(budget.reserved()).isEqualTo(60);
    assertThat(budget.tryReserve(40)).isTrue();
    budget.release(60);
    assertThat(budget.tryReserve(60)).isTrue();
    assertThat(budget.reserved()).isEqualTo(100);
  }

  @Test
  void neverGivesOutMoreThanItHasUnderContention() throws Exception {
    BodyBudget budget = new BodyBudget(1_000);
    AtomicInteger granted = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 8; i++) {
      threads.execute(
          () -> {
            for (int j = 0; j < 10_000; j++) {
              if (budget.tryReserve(7)) {
                granted.incrementAndGet();
              }
            }
          });
    }
    threads.shutdown();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(granted.get()).isEqualTo(1_000 / 7);
    assertThat(budget.reserved()).isEqualTo(1_000 / 7 * 7L);
  }
}
