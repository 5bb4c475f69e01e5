package dev.clauderelay.gateway.application.pool;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which key (or Claude account) each recent client session used, so that its next requests go to
 * the same key and the upstream's prompt cache for the conversation stays warm. Bounded: sessions
 * idle longer than the time to live are forgotten, and past the capacity the least recently seen
 * are evicted (down to nine tenths, so an eviction pass is paid once per many sessions, not per
 * request).
 */
public final class SessionAffinity {

  /** Anthropic's extended prompt cache lives an hour; a session idle longer gains nothing. */
  static final long TTL_MILLIS = 60 * 60 * 1000L;

  static final int CAPACITY = 10_000;

  /** Told of every binding that changed (not of a session seen again on the same key). */
  public interface Listener {
    void bound(String session, long keyId);
  }

  private final int capacity;
  private final Map<String, Binding> sessions = new ConcurrentHashMap<>();
  private volatile Listener listener;

  private static final class Binding {
    final long keyId;
    volatile long lastSeenMillis;

    Binding(long keyId, long lastSeenMillis) {
      this.keyId = keyId;
      this.lastSeenMillis = lastSeenMillis;
    }
  }

  public SessionAffinity() {
    this(CAPACITY);
  }

  SessionAffinity(int capacity) {
    this.capacity = capacity;
  }

  /** The key the session last used, or -1 when it has none or it expired. */
  public long keyFor(String session, long nowMillis) {
    Binding binding = sessions.get(session);
    if (binding == null) {
      return -1;
    }
    if (nowMillis - binding.lastSeenMillis > TTL_MILLIS) {
      sessions.remove(session, binding);
      return -1;
    }
    binding.lastSeenMillis = nowMillis;
    return binding.keyId;
  }

  /** Records that the session now uses {@code keyId}. */
  public void bind(String session, long keyId, long nowMillis) {
    Binding current = sessions.get(session);
    if (current != null && current.keyId == keyId) {
      current.lastSeenMillis = nowMillis;
      return;
    }
    put(session, keyId, nowMillis);
    Listener told = listener;
    if (told != null) {
      told.bound(session, keyId);
    }
  }

  /** Takes a binding another relay of the cluster made, without telling the listener again. */
  public void bindQuietly(String session, long keyId, long nowMillis) {
    Binding current = sessions.get(session);
    if (current != null && current.keyId == keyId) {
      current.lastSeenMillis = nowMillis;
      return;
    }
    put(session, keyId, nowMillis);
  }

  public void listener(Listener listener) {
    this.listener = listener;
  }

  private void put(String session, long keyId, long nowMillis) {
    sessions.put(session, new Binding(keyId, nowMillis));
    if (sessions.size() > capacity) {
      evict(nowMillis);
    }
  }

  /** Forgets the sessions bound to a key that left the pool. */
  public void forgetKey(long keyId) {
    sessions.values().removeIf(binding -> binding.keyId == keyId);
  }

  int size() {
    return sessions.size();
  }

  private synchronized void evict(long nowMillis) {
    if (sessions.size() <= capacity) {
      return;
    }
    sessions.values().removeIf(binding -> nowMillis - binding.lastSeenMillis > TTL_MILLIS);
    int target = capacity - capacity / 10;
    if (sessions.size() <= target) {
      return;
    }
    long[] seen = sessions.values().stream().mapToLong(b -> b.lastSeenMillis).toArray();
    Arrays.sort(seen);
    long cutoff = seen[Math.max(0, seen.length - target - 1)];
    sessions.values().removeIf(binding -> binding.lastSeenMillis <= cutoff);
  }
}
