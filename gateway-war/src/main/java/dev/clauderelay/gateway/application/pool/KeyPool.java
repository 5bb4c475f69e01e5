package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.plugin.api.KeyCandidate;
import dev.clauderelay.plugin.api.KeyCandidates;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.SelectionContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The keys of one provider at run time. Keeps an array of the keys usable now, recomputed only when
 * a key changes state or a cooldown runs out, so a lease costs the same with 10 keys as with 10,000
 * (strategies read only the candidates they need).
 */
public final class KeyPool {

  private static final Logger LOG = Logger.getLogger(KeyPool.class.getName());
  private static final KeyHealth[] NONE = new KeyHealth[0];

  private final long providerId;
  private final LongSupplier clock;
  private final AtomicLong sequence = new AtomicLong();
  private volatile KeyHealth[] members = NONE;
  private volatile Usable usable = new Usable(NONE, Long.MAX_VALUE);

  /** The usable keys and the time at which that list may change by itself (a cooldown ends). */
  private record Usable(KeyHealth[] keys, long validUntilMillis) {}

  KeyPool(long providerId, LongSupplier clock) {
    this.providerId = providerId;
    this.clock = clock;
  }

  public long providerId() {
    return providerId;
  }

  /** Replaces the membership (after an admin change); keys keep their live state. */
  void setMembers(Collection<KeyHealth> keys) {
    members = keys.toArray(NONE);
    invalidate();
  }

  /** Called when a key changes state: the next lease recomputes the usable keys. */
  void invalidate() {
    usable = new Usable(usable.keys(), Long.MIN_VALUE);
  }

  public List<KeyHealth> members() {
    return List.of(members);
  }

  /**
   * Leases a usable key chosen by {@code strategy}, skipping {@code excluded} key ids (keys this
   * request already tried).
   *
   * @return the lease, or {@code null} when no key is usable
   */
  public KeyLease lease(KeySelectionStrategy strategy, String model, Set<Long> excluded) {
    long now = clock.getAsLong();
    KeyHealth[] keys = usableKeys(now);
    if (!excluded.isEmpty()) {
      keys =
          Arrays.stream(keys).filter(k -> !excluded.contains(k.keyId())).toArray(KeyHealth[]::new);
    }
    if (keys.length == 0) {
      return null;
    }
    KeyHealth chosen = keys[select(strategy, keys, model, now)];
    return new KeyLease(this, chosen, now);
  }

  private int select(KeySelectionStrategy strategy, KeyHealth[] keys, String model, long now) {
    if (keys.length == 1) {
      return 0;
    }
    SelectionContext context =
        new SelectionContext(sequence.getAndIncrement(), ThreadLocalRandom.current(), model, now);
    try {
      int index = strategy.select(new Candidates(keys), context);
      if (index >= 0 && index < keys.length) {
        return index;
      }
      LOG.log(
          Level.WARNING,
          "Strategy {0} chose index {1} of {2}",
          new Object[] {strategy.id(), index, keys.length});
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Strategy " + strategy.id() + " failed; using the first key", e);
    }
    return 0;
  }

  private KeyHealth[] usableKeys(long now) {
    Usable current = usable;
    if (now < current.validUntilMillis()) {
      return current.keys();
    }
    List<KeyHealth> result = new ArrayList<>(members.length);
    long nextChange = Long.MAX_VALUE;
    for (KeyHealth key : members) {
      if (key.isUsable(now)) {
        result.add(key);
      } else {
        nextChange = Math.min(nextChange, key.usableAgainAtMillis());
      }
    }
    KeyHealth[] keys = result.toArray(NONE);
    usable = new Usable(keys, nextChange);
    return keys;
  }

  /** How many keys are usable now; for health and error messages. */
  public int usableCount() {
    return usableKeys(clock.getAsLong()).length;
  }

  long now() {
    return clock.getAsLong();
  }

  /** The strategy's view of the usable keys: built per call, reads nothing it is not asked for. */
  private record Candidates(KeyHealth[] keys) implements KeyCandidates {
    @Override
    public int size() {
      return keys.length;
    }

    @Override
    public KeyCandidate get(int index) {
      KeyHealth key = keys[index];
      return new KeyCandidate(
          key.keyId(), key.weight(), key.inFlight(), key.totalRequests(), key.lastUsedMillis());
    }
  }
}
