package dev.clauderelay.gateway.application.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clauderelay.plugin.api.ErrorClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Many threads on one pool: no lost counter update, no key leased beyond its limits. */
class KeyPoolConcurrencyTest {

  private static final int THREADS = 16;

  @Test
  void parallelLeasesCountExactlyAndNeverExceedAKeysConcurrencyLimit() throws Exception {
    TestPools test = new TestPools();
    int keys = 8;
    int limit = 3;
    KeyPool pool = test.pool(keys, 0, limit, false);
    AtomicIntegerArray holding = new AtomicIntegerArray(keys + 1);
    AtomicIntegerArray mostHeld = new AtomicIntegerArray(keys + 1);
    AtomicLong leased = new AtomicLong();
    AtomicLong succeeded = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicInteger refused = new AtomicInteger();
    int perThread = 20_000;

    run(
        () -> {
          ThreadLocalRandom random = ThreadLocalRandom.current();
          for (int i = 0; i < perThread; i++) {
            KeyLease lease = pool.lease(TestPools.ROUND_ROBIN, "m", Set.of());
            if (lease == null) {
              refused.incrementAndGet();
              continue;
            }
            int id = (int) lease.key().keyId();
            int now = holding.incrementAndGet(id);
            mostHeld.accumulateAndGet(id, now, Math::max);
            leased.incrementAndGet();
            if (random.nextInt(4) == 0) {
              lease.failed(ErrorClass.UPSTREAM_ERROR, 0, "5xx");
              failed.incrementAndGet();
            } else {
              lease.succeeded();
              succeeded.incrementAndGet();
            }
            holding.decrementAndGet(id);
            lease.close();
          }
        });

    long requests = 0;
    long successes = 0;
    long failures = 0;
    for (KeyHealth key : pool.members()) {
      requests += key.totalRequests();
      successes += key.successes();
      failures += key.failures();
      assertThat(key.inFlight()).isZero();
      assertThat(mostHeld.get((int) key.keyId())).isLessThanOrEqualTo(limit);
    }
    assertThat(requests).isEqualTo(leased.get());
    assertThat(leased.get() + refused.get()).isEqualTo((long) THREADS * perThread);
    assertThat(successes).isEqualTo(succeeded.get());
    assertThat(failures).isEqualTo(failed.get());
  }

  @Test
  void parallelLeasesNeverTakeMoreThanAKeysRequestsPerMinute() throws Exception {
    TestPools test = new TestPools();
    KeyPool pool = test.pool(2, 150, 0, false);
    AtomicLong leased = new AtomicLong();

    run(
        () -> {
          for (int i = 0; i < 5_000; i++) {
            try (KeyLease lease = pool.lease(TestPools.ROUND_ROBIN, "m", Set.of())) {
              if (lease != null) {
                leased.incrementAndGet();
              }
            }
          }
        });

    assertThat(leased.get()).isEqualTo(300);
    assertThat(pool.member(1).totalRequests()).isEqualTo(150);
    assertThat(pool.member(2).totalRequests()).isEqualTo(150);
  }

  @Test
  void aKeyMarkedInvalidMidTrafficGetsNoLeaseAfterwards() throws Exception {
    TestPools test = new TestPools();
    KeyPool pool = test.pool(4);
    CountDownLatch marked = new CountDownLatch(1);
    AtomicLong leasedAfter = new AtomicLong();
    List<Runnable> workers = new ArrayList<>();
    workers.add(
        () -> {
          try (KeyLease lease = pool.lease(TestPools.FIRST, "m", Set.of())) {
            lease.failed(ErrorClass.KEY_INVALID, 0, "refused");
          }
          marked.countDown();
        });
    for (int t = 0; t < THREADS - 1; t++) {
      workers.add(
          () -> {
            for (int i = 0; i < 20_000; i++) {
              boolean after = marked.getCount() == 0;
              try (KeyLease lease = pool.lease(TestPools.ROUND_ROBIN, "m", Set.of())) {
                if (after && lease.key().keyId() == 1) {
                  leasedAfter.incrementAndGet();
                }
              }
            }
          });
    }

    runAll(workers);

    assertThat(leasedAfter.get()).isZero();
  }

  private static void run(Runnable work) throws Exception {
    List<Runnable> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      workers.add(work);
    }
    runAll(workers);
  }

  private static void runAll(List<Runnable> workers) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(workers.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (Runnable worker : workers) {
      done.add(
          threads.submit(
              () -> {
                start.await();
                worker.run();
                return null;
              }));
    }
    start.countDown();
    for (Future<?> future : done) {
      future.get(60, TimeUnit.SECONDS);
    }
    threads.shutdown();
  }
}
