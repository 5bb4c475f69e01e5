package dev.clauderelay.admin.relay;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Filters, sorts and pages a whole pool in memory, the way the key-pool API does on the server: for
 * a relay whose admin API offers only the unpaged {@code GET /api/admin/providers/{id}/keys}.
 */
final class KeyPages {

  private KeyPages() {}

  static KeyPage of(List<PoolKey> pool, KeyQuery query) {
    Map<String, Integer> counts = new TreeMap<>();
    for (PoolKey key : pool) {
      counts.merge(key.status(), 1, Integer::sum);
    }
    String text = query.text() == null ? null : query.text().toLowerCase(Locale.ROOT);
    List<PoolKey> matching =
        pool.stream()
            .filter(k -> query.status() == null || query.status().equals(k.status()))
            .filter(k -> text == null || contains(k, text))
            .toList();
    Comparator<PoolKey> order = comparator(query.sortField());
    if (order != null) {
      matching = matching.stream().sorted(query.descending() ? order.reversed() : order).toList();
    }
    int from = Math.min(query.offset(), matching.size());
    int to = Math.min(from + query.limit(), matching.size());
    return new KeyPage(matching.size(), counts, matching.subList(from, to));
  }

  private static boolean contains(PoolKey key, String text) {
    return lower(key.maskedKey()).contains(text)
        || lower(key.label()).contains(text)
        || lower(key.lastError()).contains(text);
  }

  private static String lower(String value) {
    return value == null ? "" : value.toLowerCase(Locale.ROOT);
  }

  /** Null for an unknown field: the pool's own order. Ties broken by id, so pages never overlap. */
  static Comparator<PoolKey> comparator(String field) {
    Comparator<PoolKey> primary =
        switch (field == null ? "" : field) {
          case "key" -> Comparator.comparing(PoolKey::maskedKey);
          case "status" -> Comparator.comparing(PoolKey::status);
          case "requests" -> Comparator.comparingLong(PoolKey::requests);
          case "failures" -> Comparator.comparingLong(PoolKey::failures);
          case "successRate" ->
              Comparator.comparing(
                  PoolKey::successRate, Comparator.nullsFirst(Comparator.naturalOrder()));
          case "lastUsedAt" ->
              Comparator.comparing(
                  PoolKey::lastUsedAt, Comparator.nullsFirst(Comparator.naturalOrder()));
          default -> null;
        };
    return primary == null ? null : primary.thenComparingLong(PoolKey::id);
  }
}
