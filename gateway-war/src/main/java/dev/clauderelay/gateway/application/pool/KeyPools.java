package dev.clauderelay.gateway.application.pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Every provider's {@link KeyPool}, and every key's {@link KeyHealth}, kept across topology
 * rebuilds so that live counters and cooldowns survive admin changes.
 */
public final class KeyPools {

  private final LongSupplier clock;
  private final Map<Long, KeyPool> pools = new ConcurrentHashMap<>();
  private final Map<Long, KeyHealth> keys = new ConcurrentHashMap<>();

  public KeyPools(LongSupplier clock) {
    this.clock = clock;
  }

  /**
   * Brings membership in line with the database: new keys start from their stored state, known keys
   * take the admin's fields and keep their live state, deleted keys and providers go.
   */
  public synchronized void sync(Collection<Long> providerIds, Collection<KeySnapshot> stored) {
    Map<Long, List<KeyHealth>> byProvider = new HashMap<>();
    Map<Long, KeyHealth> seen = new HashMap<>();
    for (KeySnapshot snapshot : stored) {
      KeyHealth key = keys.get(snapshot.keyId());
      if (key == null) {
        key = new KeyHealth(snapshot.keyId(), snapshot.providerId());
        key.restore(snapshot);
      } else {
        key.adopt(snapshot);
      }
      seen.put(snapshot.keyId(), key);
      byProvider.computeIfAbsent(snapshot.providerId(), id -> new ArrayList<>()).add(key);
    }
    keys.keySet().retainAll(seen.keySet());
    keys.putAll(seen);
    pools.keySet().retainAll(providerIds);
    for (Long providerId : providerIds) {
      pools
          .computeIfAbsent(providerId, id -> new KeyPool(id, clock))
          .setMembers(byProvider.getOrDefault(providerId, List.of()));
    }
  }

  public KeyPool pool(long providerId) {
    return pools.computeIfAbsent(providerId, id -> new KeyPool(id, clock));
  }

  public KeyHealth key(long keyId) {
    return keys.get(keyId);
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

  /** An admin set a key's status: effective now, persisted by the next flush. */
  public void setStatus(
      long keyId,
      dev.clauderelay.gateway.domain.model.provider.KeyStatus status,
      long untilMillis,
      String reason) {
    KeyHealth key = keys.get(keyId);
    if (key != null) {
      key.setStatus(status, untilMillis, reason);
      pool(key.providerId()).invalidate();
    }
  }
}
