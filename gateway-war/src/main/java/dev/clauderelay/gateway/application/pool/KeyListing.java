package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.application.admin.InvalidInputException;
import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds keys among a pool's thousands, in memory: by state, by a piece of their label or mask,
 * their id or their whole secret, sorted by any of their counters. Also the names a list request
 * may use.
 */
final class KeyListing {

  private static final Map<String, Comparator<KeyHealth>> SORTS = new LinkedHashMap<>();

  static {
    SORTS.put("id", Comparator.comparingLong(KeyHealth::keyId));
    SORTS.put(
        "label",
        Comparator.comparing(
            (KeyHealth k) -> k.label() == null ? "" : k.label().toLowerCase(Locale.ROOT)));
    SORTS.put("status", Comparator.comparing(KeyHealth::status));
    SORTS.put("weight", Comparator.comparingInt(KeyHealth::weight));
    SORTS.put("requests", Comparator.comparingLong(KeyHealth::totalRequests));
    SORTS.put("successes", Comparator.comparingLong(KeyHealth::successes));
    SORTS.put("failures", Comparator.comparingLong(KeyHealth::failures));
    SORTS.put("rateLimited", Comparator.comparingLong(KeyHealth::rateLimited));
    SORTS.put("lastUsed", Comparator.comparingLong(KeyHealth::lastUsedMillis));
    SORTS.put("latency", Comparator.comparingLong(KeyHealth::averageLatencyMillis));
  }

  /** The states a list may ask for: every status, and keys resting for some model. */
  private static final Set<String> STATE_NAMES = stateNames();

  private KeyListing() {}

  private static Set<String> stateNames() {
    Set<String> names = new LinkedHashSet<>();
    for (KeyStatus status : KeyStatus.values()) {
      names.add(status.name().toLowerCase(Locale.ROOT));
    }
    names.add("limited_for_a_model");
    return names;
  }

  /** The states named in {@code states} (comma-separated, any case); empty for all. */
  static Set<String> states(String states) {
    Set<String> wanted = new LinkedHashSet<>();
    if (states != null && !states.isBlank()) {
      for (String state : states.split(",")) {
        String name = state.strip().toLowerCase(Locale.ROOT);
        if (!STATE_NAMES.contains(name)) {
          throw new InvalidInputException(
              "status", "unknown state '" + name + "'; use " + STATE_NAMES);
        }
        wanted.add(name);
      }
    }
    return wanted;
  }

  /** The sort a list asks for, {@code id} by default; {@code -} in front for descending. */
  static String sort(String sort) {
    String field = sort == null || sort.isBlank() ? "id" : sort.strip();
    String bare = field.startsWith("-") ? field.substring(1) : field;
    if (!SORTS.containsKey(bare)) {
      throw new InvalidInputException(
          "sort",
          "unknown field '" + bare + "'; use one of " + SORTS.keySet() + ", '-' for descending");
    }
    return field;
  }

  /**
   * The pool's keys that match, in the order asked for (the key's id breaking ties).
   *
   * @param states as {@link #states} gives them
   * @param q a piece of the label or of the masked key, the key's id, or the whole key as pasted;
   *     {@code null} for all
   * @param sort as {@link #sort} gives it
   */
  static List<KeyHealth> matching(KeyPool pool, Set<String> states, String q, String sort) {
    Predicate<KeyHealth> matches = filter(states, q, pool.now());
    List<KeyHealth> matched = new ArrayList<>();
    for (KeyHealth key : pool.members()) {
      if (matches.test(key)) {
        matched.add(key);
      }
    }
    matched.sort(order(sort).thenComparingLong(KeyHealth::keyId));
    return matched;
  }

  private static Comparator<KeyHealth> order(String sort) {
    boolean descending = sort.startsWith("-");
    Comparator<KeyHealth> order = SORTS.get(descending ? sort.substring(1) : sort);
    return descending ? order.reversed() : order;
  }

  private static Predicate<KeyHealth> filter(Set<String> states, String q, long now) {
    String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
    return key -> {
      if (!states.isEmpty()) {
        String state = key.status().name().toLowerCase(Locale.ROOT);
        boolean limited = states.contains("limited_for_a_model") && key.hasModelLimits(now);
        if (!states.contains(state) && !limited) {
          return false;
        }
      }
      if (needle == null) {
        return true;
      }
      return Long.toString(key.keyId()).equals(needle)
          || q.equals(key.secret())
          || key.masked().toLowerCase(Locale.ROOT).contains(needle)
          || (key.label() != null && key.label().toLowerCase(Locale.ROOT).contains(needle));
    };
  }
}
