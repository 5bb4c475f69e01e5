package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.plugin.api.KeyCandidates;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.SelectionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Pools built in memory for tests, on a clock the test moves. */
final class TestPools {

  static final long PROVIDER = 7;
  static final long T0 = 1_795_728_600_000L; // 2026-11-26T21:30:00Z

  final AtomicLong clock = new AtomicLong(T0);
  final KeyPools pools = new KeyPools(clock::get);

  /** A pool of {@code count} active keys with ids 1..count and the given limits. */
  KeyPool pool(int count, int rpmLimit, int concurrencyLimit, boolean affinity) {
    List<KeySnapshot> keys = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      keys.add(snapshot(i, KeyStatus.ACTIVE, 0, rpmLimit, concurrencyLimit, 0));
    }
    sync(keys, affinity);
    return pools.pool(PROVIDER);
  }

  KeyPool pool(int count) {
    return pool(count, 0, 0, false);
  }

  void sync(List<KeySnapshot> keys, boolean affinity) {
    pools.sync(
        List.of(PROVIDER), affinity ? Set.of(PROVIDER) : Set.of(), keys, id -> "sk-secret-" + id);
  }

  static KeySnapshot snapshot(
      long id, KeyStatus status, long adminRevision, int rpm, int concurrency, long statusUntil) {
    return new KeySnapshot(
        id,
        PROVIDER,
        1,
        "sk-sec...000" + id,
        "key " + id,
        1,
        rpm,
        concurrency,
        T0,
        adminRevision,
        status,
        statusUntil,
        null,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        null,
        0,
        List.of());
  }

  void advance(long millis) {
    clock.addAndGet(millis);
  }

  /** Takes the candidates in pool order, rotating by the sequence. */
  static final KeySelectionStrategy ROUND_ROBIN =
      new KeySelectionStrategy() {
        @Override
        public String id() {
          return "test-round-robin";
        }

        @Override
        public int select(KeyCandidates candidates, SelectionContext context) {
          return (int) Math.floorMod(context.sequence(), (long) candidates.size());
        }
      };

  /** Always the first candidate. */
  static final KeySelectionStrategy FIRST =
      new KeySelectionStrategy() {
        @Override
        public String id() {
          return "test-first";
        }

        @Override
        public int select(KeyCandidates candidates, SelectionContext context) {
          return 0;
        }
      };
}
