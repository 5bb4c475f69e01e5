package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * Every provider's {@link KeyPool}, and every key's {@link KeyHealth}, kept across topology
 * rebuilds so that live counters and rests survive admin changes.
 */
public final class KeyPools {

  private final LongSupplier clock;
  private final Map<Long, KeyPool> pools = new ConcurrentHashMap<>();
  private final Map<Long, KeyHealth> keys = new ConcurrentHashMap<>();
  private volatile PoolEvents events = PoolEvents.NONE;

  public KeyPools(LongSupplier clock) {
    this.clock = clock;
  }

  /**
   * Brings membership in line with the database: new keys start from their stored state, known keys
   * take the admin's fields and keep their live state (unless the admin decided their status),
   * deleted keys and providers go.
   *
   * @param sessionAffinity the providers whose pools keep sessions on one key
   * @param secretOf decrypts a key's secret, by key id; called only for keys new to the pool or
   *     whose stored secret changed
   */
  public synchronized void sync(
      Collection<Long> providerIds,
      Set<Long> sessionAffinity,
      Collection<KeySnapshot> stored,
      LongFunction<String> secretOf) {
    Map<Long, List<KeyHealth>> byProvider = new HashMap<>();
    Map<Long, KeyHealth> seen = new HashMap<>();
    List<KeyHealth> restoredWithModelLimits = new ArrayList<>();
    for (KeySnapshot snapshot : stored) {
      KeyHealth key = keys.get(snapshot.keyId());
      if (key == null) {
        key = new KeyHealth(snapshot.keyId(), snapshot.providerId());
        key.restore(snapshot, secretOf.apply(snapshot.keyId()));
        if (!snapshot.models().isEmpty()) {
          restoredWithModelLimits.add(key);
        }
      } else {
        key.adopt(
            snapshot,
            key.secretVersion() == snapshot.secretVersion()
                ? null
                : secretOf.apply(snapshot.keyId()));
      }
      seen.put(snapshot.keyId(), key);
      byProvider.computeIfAbsent(snapshot.providerId(), id -> new ArrayList<>()).add(key);
    }
    keys.keySet().retainAll(seen.keySet());
    keys.putAll(seen);
    pools.keySet().retainAll(providerIds);
    for (Long providerId : providerIds) {
      KeyPool pool = pool(providerId);
      pool.sessionAffinity(sessionAffinity.contains(providerId));
      pool.setMembers(byProvider.getOrDefault(providerId, List.of()));
    }
    for (KeyHealth key : restoredWithModelLimits) {
      for (KeySnapshot.ModelSnapshot model : key.modelStates()) {
        if (model.status() != null) {
          pool(key.providerId()).modelLimited(model.model());
        }
      }
    }
  }

  public KeyPool pool(long providerId) {
    return pools.computeIfAbsent(
        providerId,
        id -> {
          KeyPool created = new KeyPool(id, clock);
          created.events(events);
          return created;
        });
  }

  /** Where every pool, now and later, reports what other relays of a cluster must see. */
  public void events(PoolEvents events) {
    this.events = events;
    pools.values().forEach(pool -> pool.events(events));
  }

  /**
   * Takes a key status another relay of the cluster saw; a key this relay does not hold (yet) is
   * skipped: the database has the status when the key arrives here.
   */
  public void applyRemoteStatus(long keyId, KeyStatus status, long untilMillis, String reason) {
    KeyHealth key = keys.get(keyId);
    if (key != null) {
      pool(key.providerId()).applyRemoteStatus(key, status, untilMillis, reason);
    }
  }

  /** Takes a per-model rest another relay of the cluster saw. */
  public void applyRemoteModelRest(
      long keyId, String model, KeyStatus status, long untilMillis, String reason) {
    KeyHealth key = keys.get(keyId);
    if (key != null) {
      pool(key.providerId()).applyRemoteModelRest(key, model, status, untilMillis, reason);
    }
  }

  /** The provider's pool if it has one; never creates one. */
  public KeyPool existing(long providerId) {
    return pools.get(providerId);
  }

  public KeyHealth key(long keyId) {
    return keys.get(keyId);
  }

  /** Whether a key is held: its secret need not be decrypted again. */
  public boolean holds(long keyId) {
    return keys.containsKey(keyId);
  }

  public Collection<KeyPool> all() {
    return pools.values();
  }

  /** The keys changed since the last call, for the batch writer. */
  public List<KeyHealth> takeDirty() {
    List<KeyHealth> dirty = new ArrayList<>();
    for (KeyHealth key : keys.values()) {
      if (key.takeDirty()) {
        dirty.add(key);
      }
    }
    return dirty;
  }

  /** Puts back keys whose write failed, so the next flush retries them. */
  public void markDirty(List<KeyHealth> failed) {
    failed.forEach(KeyHealth::markDirty);
  }
}
