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

/** A lease with session affinity on, over 1,000 live sessions, in pools of 10 and 10,000 keys. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class AffinityBenchmark {

  @Param({"10", "10000"})
  int keys;

  private KeyPool pool;
  private KeySelectionStrategy selection;
  private String[] sessions;
  private int next;

  @Setup
  public void setUp() {
    pool = Pools.build(keys, true).pool(Pools.PROVIDER);
    selection = Pools.strategy("round-robin");
    sessions = new String[1_000];
    for (int i = 0; i < sessions.length; i++) {
      sessions[i] = "user_" + i + "_account__session_" + java.util.UUID.randomUUID();
    }
  }

  @Benchmark
  public long leaseForASession() {
    String session = sessions[next++ % sessions.length];
    try (KeyLease lease = pool.lease(selection, "claude-sonnet-4-5", Set.of(), session)) {
      lease.succeeded();
      return lease.key().keyId();
    }
  }
}
