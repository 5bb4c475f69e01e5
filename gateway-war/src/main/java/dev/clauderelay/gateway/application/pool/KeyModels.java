package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one key holds per model: a rest bound to that model alone (a used-up per-model quota, which
 * leaves the key serving other models), and the request count in the strategy's current quota
 * window. The map is made when a model first needs an entry; most keys never do.
 */
final class KeyModels {

  private volatile Map<String, ModelState> models;

  /** Set when a model's state changed since the state writer last wrote them. */
  private volatile boolean unwritten;

  /** Restores what the database last stored. */
  void restore(List<KeySnapshot.ModelSnapshot> stored) {
    for (KeySnapshot.ModelSnapshot model : stored) {
      state(model.model()).restore(model);
    }
    unwritten = false;
  }

  /** Whether {@code model}'s own rest keeps the key from it now; lifts a rest that is over. */
  boolean isLimitedFor(String model, long nowMillis) {
    Map<String, ModelState> current = models;
    if (current == null || model == null) {
      return false;
    }
    ModelState state = current.get(model);
    if (state == null || state.status == null) {
      return false;
    }
    if (nowMillis < state.untilMillis) {
      return true;
    }
    if (state.liftIfDue(nowMillis)) {
      unwritten = true;
    }
    return false;
  }

  /** When {@code model}'s rest on this key ends; {@code Long.MAX_VALUE} when it has none. */
  long usableAgainAtMillis(String model) {
    Map<String, ModelState> current = models;
    ModelState state = current == null ? null : current.get(model);
    return state == null || state.status == null ? Long.MAX_VALUE : state.untilMillis;
  }

  /** Rests the key for {@code model} only; a rest that ends later stays. */
  void rest(String model, KeyStatus restStatus, long untilMillis, String reason) {
    state(model).rest(restStatus, untilMillis, reason);
    unwritten = true;
  }

  /**
   * Ends every rest that is over.
   *
   * @return whether one ended
   */
  boolean liftDue(long nowMillis) {
    Map<String, ModelState> current = models;
    boolean lifted = false;
    if (current != null) {
      for (ModelState state : current.values()) {
        if (state.liftIfDue(nowMillis)) {
          unwritten = true;
          lifted = true;
        }
      }
    }
    return lifted;
  }

  /** Ends every rest, over or not (an admin re-enabled the key). */
  void liftAll() {
    Map<String, ModelState> current = models;
    if (current != null) {
      current.values().forEach(ModelState::lift);
      unwritten = true;
    }
  }

  /** Counts one request for {@code model} in the strategy's quota window starting at the given. */
  void count(String model, long windowStart) {
    if (windowStart == KeySelectionStrategy.NO_QUOTA_WINDOW || model == null) {
      return;
    }
    state(model).count(windowStart);
    unwritten = true;
  }

  /** Requests for {@code model} since {@code windowStart}, 0 when the window is a new one. */
  long requests(String model, long windowStart) {
    Map<String, ModelState> current = models;
    ModelState state = current == null ? null : current.get(model);
    return state == null ? 0 : state.requestsIn(windowStart);
  }

  private ModelState state(String model) {
    Map<String, ModelState> current = models;
    if (current == null) {
      synchronized (this) {
        current = models;
        if (current == null) {
          current = new ConcurrentHashMap<>(4);
          models = current;
        }
      }
    }
    return current.computeIfAbsent(model, m -> new ModelState());
  }

  // ---- for admins and the state writer ------------------------------------------------------

  /** Every model's state. */
  List<KeySnapshot.ModelSnapshot> snapshots() {
    Map<String, ModelState> current = models;
    if (current == null) {
      return List.of();
    }
    List<KeySnapshot.ModelSnapshot> result = new ArrayList<>(current.size());
    current.forEach((model, state) -> result.add(state.snapshot(model)));
    return result;
  }

  /** The models the key rests for at {@code nowMillis}, with when each rest ends. */
  List<KeySnapshot.ModelSnapshot> rests(long nowMillis) {
    return snapshots().stream()
        .filter(m -> m.status() != null && m.untilMillis() > nowMillis)
        .toList();
  }

  /** Whether the key rests for some model at {@code nowMillis}. */
  boolean hasRests(long nowMillis) {
    Map<String, ModelState> current = models;
    if (current == null) {
      return false;
    }
    for (ModelState state : current.values()) {
      if (state.status != null && state.untilMillis > nowMillis) {
        return true;
      }
    }
    return false;
  }

  /** Whether a change waits for the state writer (the mark stays). */
  boolean unwritten() {
    return unwritten;
  }

  /** Whether a change waits for the state writer; clears the mark. */
  boolean takeUnwritten() {
    if (!unwritten) {
      return false;
    }
    unwritten = false;
    return true;
  }

  /** Marks the states for writing again (their write failed). */
  void markUnwritten() {
    unwritten = true;
  }

  /**
   * One model's rest and quota-window count on this key. Rests change under the state's lock; the
   * request path reads the volatile fields without one, and counts with an atomic (a window change
   * resets the count under the lock, so a count racing it may land in either window: the counts
   * steer a balance, they bill nothing).
   */
  private static final class ModelState {
    volatile KeyStatus status;
    volatile long untilMillis;
    volatile String reason;
    private volatile long windowStart = KeySelectionStrategy.NO_QUOTA_WINDOW;
    private final AtomicLong windowRequests = new AtomicLong();

    synchronized void rest(KeyStatus restStatus, long until, String why) {
      if (status != null && untilMillis >= until) {
        return;
      }
      status = restStatus;
      untilMillis = until;
      reason = why;
    }

    synchronized boolean liftIfDue(long nowMillis) {
      if (status != null && nowMillis >= untilMillis) {
        lift();
        return true;
      }
      return false;
    }

    synchronized void lift() {
      status = null;
      untilMillis = 0;
      reason = null;
    }

    void count(long start) {
      if (start != windowStart) {
        synchronized (this) {
          if (start != windowStart) {
            windowRequests.set(0);
            windowStart = start;
          }
        }
      }
      windowRequests.incrementAndGet();
    }

    long requestsIn(long start) {
      return start == windowStart ? windowRequests.get() : 0;
    }

    synchronized void restore(KeySnapshot.ModelSnapshot stored) {
      status = stored.status();
      untilMillis = stored.untilMillis();
      reason = stored.reason();
      windowStart = stored.windowStart();
      windowRequests.set(stored.windowRequests());
    }

    synchronized KeySnapshot.ModelSnapshot snapshot(String model) {
      return new KeySnapshot.ModelSnapshot(
          model, status, untilMillis, reason, windowStart, windowRequests.get());
    }
  }
}
