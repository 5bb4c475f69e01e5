package dev.clauderelay.bench.keypool;

import dev.clauderelay.gateway.application.pool.KeyLease;
import dev.clauderelay.gateway.application.pool.KeyPool;
import dev.clauderelay.gateway.application.pool.KeyPools;
import java.util.Set;
import org.openjdk.jol.info.GraphLayout;

/**
 * Memory per key: the retained size of a whole {@link KeyPools} (every key's state, secret, masked
 * form and label, the pool's usable-key view) at 10,000 keys, divided by the keys; and the same
 * after traffic has touched every key, with per-model counts kept (the Gemini strategy) and a
 * per-minute window on every key (a requests-per-minute limit).
 */
public final class Footprint {

  public static void main(String[] args) {
    int count = 10_000;
    KeyPools idle = Pools.build(count, false);
    idle.pool(Pools.PROVIDER).usableCount();
    report("10,000 keys, as loaded", idle, count);

    KeyPools busy = Pools.build(count, false);
    KeyPool pool = busy.pool(Pools.PROVIDER);
    for (int i = 0; i < count * 3; i++) {
      try (KeyLease lease = pool.lease(Pools.strategy("gemini-quota"), "gemini-2.5-pro", Set.of(), null)) {
        lease.succeeded();
      }
    }
    report("10,000 keys after traffic, per-model counts kept (gemini-quota)", busy, count);

    KeyPools limited = Pools.build(count, false, 600);
    KeyPool limitedPool = limited.pool(Pools.PROVIDER);
    for (int i = 0; i < count * 3; i++) {
      try (KeyLease lease = limitedPool.lease(Pools.strategy("round-robin"), "m", Set.of(), null)) {
        lease.succeeded();
      }
    }
    report("10,000 keys after traffic, each with a requests-per-minute limit", limited, count);

    KeyPools affine = Pools.build(count, true);
    KeyPool affinePool = affine.pool(Pools.PROVIDER);
    for (int i = 0; i < count; i++) {
      String session = "user_" + Integer.toHexString(i) + "_account__session_" + java.util.UUID.randomUUID();
      try (KeyLease lease = affinePool.lease(Pools.strategy("round-robin"), "m", Set.of(), session)) {
        lease.succeeded();
      }
    }
    report("10,000 keys and 10,000 bound Claude Code sessions (per key = per session here)", affine, count);
  }

  private static void report(String what, KeyPools pools, int count) {
    long bytes = GraphLayout.parseInstance(pools).totalSize();
    System.out.printf("%s: %,d bytes in all, %,d bytes per key%n", what, bytes, bytes / count);
  }

  private Footprint() {}
}
