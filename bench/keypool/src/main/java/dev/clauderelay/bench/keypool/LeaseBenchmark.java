package dev.clauderelay.bench.keypool;

import dev.clauderelay.gateway.application.pool.KeyLease;
import dev.clauderelay.gateway.application.pool.KeyPool;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one attempt costs the pool: lease a key (the strategy picks among the usable keys, the pool
 * checks and takes the chosen key's request slot), report success, close. The claim under test:
 * the same cost with 10 keys as with 10,000.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class LeaseBenchmark {

  @Param({"10", "100", "10000"})
  int keys;

  @Param({"round-robin", "random", "least-used", "gemini-quota"})
  String strategy;

  private KeyPool pool;
  private KeySelectionStrategy selection;

  @Setup
  public void setUp() {
    pool = Pools.build(keys, false).pool(Pools.PROVIDER);
    selection = Pools.strategy(strategy);
  }

  @Benchmark
  public long leaseSucceedClose() {
    try (KeyLease lease = pool.lease(selection, "claude-sonnet-4-5", Set.of(), null)) {
      lease.succeeded();
      return lease.key().keyId();
    }
  }
}
