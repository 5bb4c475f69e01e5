package dev.clauderelay.gateway.application.budget;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The spend of one relay, in memory: per key, one counter per period that starts over when its
 * period does. Lock-free between keys; a key's counters change under its own lock, held for a few
 * additions.
 */
public final class InMemorySpendStore implements SpendStore {

  private final Map<Long, KeySpend> keys = new ConcurrentHashMap<>();

  @Override
  public Spend spend(long clientKeyId, long nowMillis) {
    KeySpend key = keys.get(clientKeyId);
    return key == null ? Spend.NONE : key.spend(nowMillis);
  }

  @Override
  public void add(long clientKeyId, long atMillis, long costNanos, long tokens) {
    if (costNanos == 0 && tokens == 0) {
      return;
    }
    keys.computeIfAbsent(clientKeyId, id -> new KeySpend()).add(atMillis, costNanos, tokens);
  }

  @Override
  public void restore(
      long clientKeyId, BudgetPeriod period, long periodStartMillis, long costNanos, long tokens) {
    keys.computeIfAbsent(clientKeyId, id -> new KeySpend())
        .counter(period)
        .add(periodStartMillis, costNanos, tokens);
  }

  @Override
  public boolean enter(long clientKeyId, int limit) {
    AtomicInteger inFlight = keys.computeIfAbsent(clientKeyId, id -> new KeySpend()).inFlight;
    while (true) {
      int now = inFlight.get();
      if (now >= limit) {
        return false;
      }
      if (inFlight.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  @Override
  public void leave(long clientKeyId) {
    KeySpend key = keys.get(clientKeyId);
    if (key != null) {
      key.inFlight.updateAndGet(n -> Math.max(0, n - 1));
    }
  }

  private static final class KeySpend {
    final Counter day = new Counter(BudgetPeriod.DAY);
    final Counter week = new Counter(BudgetPeriod.WEEK);
    final Counter month = new Counter(BudgetPeriod.MONTH);
    final AtomicInteger inFlight = new AtomicInteger();

    Counter counter(BudgetPeriod period) {
      return switch (period) {
        case DAY -> day;
        case WEEK -> week;
        case MONTH -> month;
      };
    }

    void add(long atMillis, long costNanos, long tokens) {
      day.add(BudgetPeriod.DAY.startOf(atMillis), costNanos, tokens);
      week.add(BudgetPeriod.WEEK.startOf(atMillis), costNanos, tokens);
      month.add(BudgetPeriod.MONTH.startOf(atMillis), costNanos, tokens);
    }

    Spend spend(long nowMillis) {
      return new Spend(
          day.cost(nowMillis),
          week.cost(nowMillis),
          month.cost(nowMillis),
          day.tokens(nowMillis),
          week.tokens(nowMillis),
          month.tokens(nowMillis),
          inFlight.get());
    }
  }

  /** One period's totals; a later period's first addition starts it over. */
  private static final class Counter {
    private final BudgetPeriod period;
    private long start = Long.MIN_VALUE;
    private long costNanos;
    private long tokens;

    Counter(BudgetPeriod period) {
      this.period = period;
    }

    synchronized void add(long periodStart, long cost, long count) {
      if (periodStart > start) {
        start = periodStart;
        costNanos = 0;
        tokens = 0;
      } else if (periodStart < start) {
        return; // a request of a period that is over
      }
      costNanos = saturatedAdd(costNanos, cost);
      tokens = saturatedAdd(tokens, count);
    }

    synchronized long cost(long nowMillis) {
      return period.startOf(nowMillis) == start ? costNanos : 0;
    }

    synchronized long tokens(long nowMillis) {
      return period.startOf(nowMillis) == start ? tokens : 0;
    }

    private static long saturatedAdd(long a, long b) {
      long sum = a + b;
      return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
  }
}
