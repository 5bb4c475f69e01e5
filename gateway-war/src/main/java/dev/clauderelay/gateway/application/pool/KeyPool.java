package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The keys of one provider at run time. Keeps an array of the keys usable now (and one per model
 * some key rests for), recomputed only when a key changes state or a rest runs out, so a lease
 * costs the same with 10 keys as with 10,000: the strategy reads a bounded number of candidates,
 * and the pool then checks only the one chosen (still usable, not tried yet by this request, under
 * its concurrency and per-minute limits), moving on to the next when it is not.
 *
 * <p>Lock-free on the request path apart from a key's own per-minute window; every cached view
 * carries the pool's version, so a view computed while a key changed state is never used again.
 */
public final class KeyPool {

  private static final KeyHealth[] NONE = new KeyHealth[0];

  private final long providerId;
  private final LongSupplier clock;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong version = new AtomicLong();
  private final SessionAffinity affinity = new SessionAffinity();
  private final Set<String> limitedModels = ConcurrentHashMap.newKeySet();
  private final Map<String, View> byModel = new ConcurrentHashMap<>();
  private volatile KeyHealth[] members = NONE;
  private volatile Map<Long, KeyHealth> membersById = Map.of();
  private volatile View usable = new View(NONE, 1, Long.MIN_VALUE, -1);
  private volatile boolean sessionAffinity;
  private volatile PoolEvents events = PoolEvents.NONE;

  /**
   * Keys usable now, the largest weight among them, the time at which the list may change by itself
   * (a rest ends) and the pool version it was computed at.
   */
  private record View(KeyHealth[] keys, int maxWeight, long validUntilMillis, long version) {}

  /**
   * Why no key could be leased.
   *
   * @param reason for the client's error message and the log; names counts, never keys
   * @param soonestUsableMillis when the first resting key becomes usable, 0 when none will by
   *     itself
   */
  public record Unavailable(String reason, long soonestUsableMillis) {}

  KeyPool(long providerId, LongSupplier clock) {
    this.providerId = providerId;
    this.clock = clock;
  }

  public long providerId() {
    return providerId;
  }

  /** Where this pool reports what other relays of a cluster must see. */
  void events(PoolEvents events) {
    this.events = events;
    String scope = "p" + providerId;
    affinity.listener(
        events == PoolEvents.NONE
            ? null
            : (session, keyId) -> events.sessionBound(scope, session, keyId));
  }

  /** Tells the cluster that traffic or a probe changed the key's status. */
  void announce(KeyHealth key) {
    events.keyStatusChanged(key);
  }

  void announceModelRest(
      KeyHealth key, String model, KeyStatus status, long untilMillis, String reason) {
    events.keyModelRested(key.keyId(), model, status, untilMillis, reason);
  }

  /**
   * Takes a status another relay of the cluster saw for one of this pool's keys.
   *
   * @return whether the key's status changed here
   */
  boolean applyRemoteStatus(KeyHealth key, KeyStatus status, long untilMillis, String reason) {
    boolean changed = key.applyRemote(status, untilMillis, reason, clock.getAsLong());
    if (changed) {
      invalidate();
    }
    return changed;
  }

  void applyRemoteModelRest(
      KeyHealth key, String model, KeyStatus status, long untilMillis, String reason) {
    if (untilMillis > clock.getAsLong()) {
      key.perModel.rest(model, status, untilMillis, reason);
      modelLimited(model);
    }
  }

  /** Takes a session binding another relay of the cluster made. */
  public void bindRemote(String session, long keyId) {
    affinity.bindQuietly(session, keyId, clock.getAsLong());
  }

  /** Replaces the membership (after an admin change); keys keep their live state. */
  void setMembers(Collection<KeyHealth> keys) {
    KeyHealth[] previous = members;
    KeyHealth[] next = keys.toArray(NONE);
    Map<Long, KeyHealth> byId = new HashMap<>(next.length * 2);
    for (KeyHealth key : next) {
      byId.put(key.keyId(), key);
    }
    members = next;
    membersById = byId;
    for (KeyHealth key : previous) {
      if (!byId.containsKey(key.keyId())) {
        affinity.forgetKey(key.keyId());
      }
    }
    invalidate();
  }

  /** Turns session affinity on or off (a provider setting). */
  void sessionAffinity(boolean enabled) {
    sessionAffinity = enabled;
  }

  public boolean sessionAffinity() {
    return sessionAffinity;
  }

  /** Called when a key changes state: the next lease recomputes the usable keys. */
  void invalidate() {
    version.incrementAndGet();
  }

  public List<KeyHealth> members() {
    return List.of(members);
  }

  /** The member with this id, or {@code null}. */
  public KeyHealth member(long keyId) {
    return membersById.get(keyId);
  }

  /**
   * Leases a key for one attempt: the key this session used last when session affinity is on and
   * that key is still usable, else the one {@code strategy} chooses among the keys usable for
   * {@code model}; keys in {@code excluded} (already tried by this request) and keys at their
   * concurrency or per-minute limit are passed over.
   *
   * @param session the client session's affinity key ({@link
   *     dev.clauderelay.gateway.application.usage.ClientSession#affinityKey()}), or {@code null}
   * @return the lease, or {@code null} when no key can take the request
   */
  public KeyLease lease(
      KeySelectionStrategy strategy, String model, Set<Long> excluded, String session) {
    long now = clock.getAsLong();
    View view = usableFor(model, now);
    KeyHealth[] keys = view.keys();
    if (keys.length == 0) {
      return null;
    }
    long window = KeySelection.quotaWindowStart(strategy, model, now);
    boolean affine = sessionAffinity && session != null;
    if (affine) {
      KeyLease kept = leaseAffine(session, model, excluded, now, window);
      if (kept != null) {
        return kept;
      }
    }
    int start = select(strategy, view, model, now, window);
    for (int probe = 0; probe < keys.length; probe++) {
      KeyHealth key = keys[(start + probe) % keys.length];
      if (excluded.contains(key.keyId())) {
        continue;
      }
      if (!key.isUsableFor(model, now)) {
        // Its state changed after the view was computed; the next lease sees a fresh view.
        invalidate();
        continue;
      }
      if (!key.tryAcquire(now)) {
        continue;
      }
      if (affine) {
        affinity.bind(session, key.keyId(), now);
      }
      key.perModel.count(model, window);
      return new KeyLease(this, key, model, now);
    }
    return null;
  }

  /** Leases without a session (tests, callers without one). */
  public KeyLease lease(KeySelectionStrategy strategy, String model, Set<Long> excluded) {
    return lease(strategy, model, excluded, null);
  }

  private KeyLease leaseAffine(
      String session, String model, Set<Long> excluded, long now, long window) {
    long keyId = affinity.keyFor(session, now);
    if (keyId < 0 || excluded.contains(keyId)) {
      return null;
    }
    KeyHealth key = membersById.get(keyId);
    if (key == null || !key.isUsableFor(model, now) || !key.tryAcquire(now)) {
      return null;
    }
    key.perModel.count(model, window);
    return new KeyLease(this, key, model, now);
  }

  private int select(
      KeySelectionStrategy strategy, View view, String model, long now, long window) {
    KeyHealth[] keys = view.keys();
    if (keys.length == 1) {
      return 0;
    }
    return KeySelection.select(
        strategy, keys, view.maxWeight(), model, now, window, sequence.getAndIncrement());
  }

  private View usableFor(String model, long now) {
    long current = version.get();
    View all = usable;
    if (all.version() != current || now >= all.validUntilMillis()) {
      all = computeUsable(now, current);
    }
    if (model == null || !limitedModels.contains(model)) {
      return all;
    }
    View forModel = byModel.get(model);
    if (forModel == null
        || forModel.version() != current
        || now >= forModel.validUntilMillis()
        || now >= all.validUntilMillis()) {
      forModel = computeForModel(all, model, now, current);
    }
    return forModel;
  }

  private View computeUsable(long now, long atVersion) {
    KeyHealth[] all = members;
    List<KeyHealth> result = new ArrayList<>(all.length);
    long nextChange = Long.MAX_VALUE;
    int maxWeight = 1;
    for (KeyHealth key : all) {
      if (key.isUsable(now)) {
        result.add(key);
        maxWeight = Math.max(maxWeight, key.weight());
      } else {
        nextChange = Math.min(nextChange, key.usableAgainAtMillis());
      }
    }
    View view = new View(result.toArray(NONE), maxWeight, nextChange, atVersion);
    usable = view;
    return view;
  }

  private View computeForModel(View all, String model, long now, long atVersion) {
    List<KeyHealth> result = new ArrayList<>(all.keys().length);
    long nextChange = all.validUntilMillis();
    int maxWeight = 1;
    for (KeyHealth key : all.keys()) {
      if (key.perModel.isLimitedFor(model, now)) {
        nextChange = Math.min(nextChange, key.perModel.usableAgainAtMillis(model));
      } else {
        result.add(key);
        maxWeight = Math.max(maxWeight, key.weight());
      }
    }
    View view = new View(result.toArray(NONE), maxWeight, nextChange, atVersion);
    byModel.put(model, view);
    return view;
  }

  /** A key now rests for {@code model}: leases for that model use a view without it. */
  void modelLimited(String model) {
    limitedModels.add(model);
    invalidate();
  }

  /**
   * How many keys could serve {@code model} now (ignoring per-key limits); for health and tests.
   */
  public int usableCount(String model) {
    return usableFor(model, clock.getAsLong()).keys().length;
  }

  /** How many keys are usable now, for any model; for health and error messages. */
  public int usableCount() {
    return usableCount(null);
  }

  /**
   * Why no key could be leased for {@code model}: which keys rest (and until when), which are at
   * their limits, invalid, disabled or already tried. Reads every key: for the failure path only.
   */
  public Unavailable describeUnavailable(String model, Set<Long> excluded) {
    long now = clock.getAsLong();
    KeyHealth[] all = members;
    if (all.length == 0) {
      return new Unavailable("no keys configured", 0);
    }
    int resting = 0;
    int modelResting = 0;
    int saturated = 0;
    int invalid = 0;
    int disabled = 0;
    int tried = 0;
    long soonest = Long.MAX_VALUE;
    for (KeyHealth key : all) {
      if (key.status() == KeyStatus.DISABLED) {
        disabled++;
      } else if (key.status() == KeyStatus.INVALID) {
        invalid++;
      } else if (!key.isUsable(now)) {
        resting++;
        soonest = Math.min(soonest, key.usableAgainAtMillis());
      } else if (key.perModel.isLimitedFor(model, now)) {
        modelResting++;
        soonest = Math.min(soonest, key.perModel.usableAgainAtMillis(model));
      } else if (excluded.contains(key.keyId())) {
        tried++;
      } else if (key.isSaturated(now)) {
        saturated++;
      }
    }
    List<String> parts = new ArrayList<>();
    if (resting > 0) {
      parts.add(resting + " cooling down or exhausted");
    }
    if (modelResting > 0) {
      parts.add(modelResting + " out of their quota for " + model);
    }
    if (saturated > 0) {
      parts.add(saturated + " at their concurrency or per-minute limit");
    }
    if (invalid > 0) {
      parts.add(invalid + " invalid");
    }
    if (disabled > 0) {
      parts.add(disabled + " disabled");
    }
    if (tried > 0) {
      parts.add(tried + " already tried");
    }
    String reason =
        "no usable key among "
            + all.length
            + " ("
            + (parts.isEmpty() ? "every key busy" : String.join(", ", parts))
            + ")"
            + (soonest == Long.MAX_VALUE
                ? ""
                : "; the first is usable again at " + Instant.ofEpochMilli(soonest));
    return new Unavailable(reason, soonest == Long.MAX_VALUE ? 0 : soonest);
  }

  /** Moves every key whose rest is over back to active; returns the keys that changed. */
  List<KeyHealth> recoverDue() {
    long now = clock.getAsLong();
    List<KeyHealth> changed = new ArrayList<>();
    for (KeyHealth key : members) {
      if (key.recoverIfDue(now)) {
        changed.add(key);
      }
    }
    if (!changed.isEmpty()) {
      invalidate();
    }
    return changed;
  }

  /** The invalid keys whose next probe is due, at most {@code max}. */
  List<KeyHealth> dueForProbe(int max) {
    long now = clock.getAsLong();
    List<KeyHealth> due = new ArrayList<>();
    for (KeyHealth key : members) {
      if (due.size() >= max) {
        break;
      }
      if (key.probeDue(now)) {
        due.add(key);
      }
    }
    return due;
  }

  /**
   * Applies a probe's verdict to an invalid key; returns whether the key left the invalid state.
   */
  boolean applyProbe(KeyHealth key, ProbeResult result, long minBackoffMillis, long maxBackoff) {
    boolean recovered = key.probed(result, clock.getAsLong(), minBackoffMillis, maxBackoff);
    if (recovered) {
      invalidate();
      announce(key);
    }
    return recovered;
  }

  /** Keys by state: {@code active}, {@code cooling_down}, ... and {@code limited_for_a_model}. */
  public Map<String, Integer> countsByState() {
    long now = clock.getAsLong();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (KeyStatus status : KeyStatus.values()) {
      counts.put(status.name().toLowerCase(Locale.ROOT), 0);
    }
    int modelLimited = 0;
    for (KeyHealth key : members) {
      key.isUsable(now);
      counts.merge(key.status().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
      if (key.status() == KeyStatus.ACTIVE && key.hasModelLimits(now)) {
        modelLimited++;
      }
    }
    counts.put("limited_for_a_model", modelLimited);
    return counts;
  }

  /** Sessions currently bound to a key. */
  public int affineSessions() {
    return affinity.size();
  }

  long now() {
    return clock.getAsLong();
  }
}
