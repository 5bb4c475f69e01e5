package dev.clauderelay.bench.keypool;

import dev.clauderelay.gateway.application.pool.KeyPools;
import dev.clauderelay.gateway.application.pool.KeySnapshot;
import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugins.gemini.GeminiQuotaKeySelection;
import dev.clauderelay.plugins.strategies.LeastUsedKeySelection;
import dev.clauderelay.plugins.strategies.RandomKeySelection;
import dev.clauderelay.plugins.strategies.RoundRobinKeySelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds pools as the relay does (through {@link KeyPools#sync}), with realistic keys. */
final class Pools {

  static final long PROVIDER = 1;

  private Pools() {}

  /** {@code count} active keys with 51-character secrets like Anthropic's, weights 1 to 3. */
  static KeyPools build(int count, boolean affinity) {
    return build(count, affinity, 0);
  }

  /** The same, each key with a requests-per-minute limit ({@code rpmLimit} 0 for none). */
  static KeyPools build(int count, boolean affinity, int rpmLimit) {
    KeyPools pools = new KeyPools(System::currentTimeMillis);
    List<KeySnapshot> keys = new ArrayList<>(count);
    long now = System.currentTimeMillis();
    for (int i = 1; i <= count; i++) {
      keys.add(
          new KeySnapshot(
              i, PROVIDER, 1, "sk-ant-...x" + (i % 1000), "team key " + i, 1 + i % 3, rpmLimit, 0, now, 0,
              KeyStatus.ACTIVE, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, List.of()));
    }
    pools.sync(
        List.of(PROVIDER),
        affinity ? Set.of(PROVIDER) : Set.of(),
        keys,
        id -> String.format("sk-ant-api03-%038d", id));
    return pools;
  }

  static KeySelectionStrategy strategy(String id) {
    return switch (id) {
      case "round-robin" -> new RoundRobinKeySelection();
      case "random" -> new RandomKeySelection();
      case "least-used" -> new LeastUsedKeySelection();
      case "gemini-quota" -> new GeminiQuotaKeySelection();
      default -> throw new IllegalArgumentException(id);
    };
  }
}
