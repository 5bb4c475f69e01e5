package dev.clauderelay.admin.relay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Everything the key-pool page reads and writes, in one place. It speaks the key-pool API ({@code
 * /api/admin/key-pool/{providerId}}: pages, batch import, batch operations, key test, maintenance)
 * when the relay has it, and otherwise falls back to what every relay has: the provider's whole key
 * list (paged here, {@link KeyPages}, from a copy kept a few seconds) and adding keys one by one.
 * Operations only the key-pool API offers then fail with {@link KeyPoolUnsupportedException}.
 *
 * <p>Whether the relay has the key-pool API is asked again a minute after it said no, so a relay
 * upgraded under a running console is noticed.
 *
 * <p>What this class assumes of the key-pool API (all under {@code /api/admin/key-pool/{id}}):
 *
 * <ul>
 *   <li>{@code GET ?offset=&limit=&status=&q=&sort=}: {@code sort} is a field ({@code key}, {@code
 *       status}, {@code requests}, {@code successRate}, {@code lastUsedAt}, {@code failures}),
 *       prefixed with {@code -} for descending; {@code q} is found in the masked key, label or last
 *       error. The answer has {@code keys} (each {@code id}, {@code key} or {@code maskedKey},
 *       {@code label}, {@code weight}, {@code status}, {@code statusUntil}, {@code statusReason},
 *       {@code requests}, {@code successes}, {@code failures}, {@code rateLimited}, {@code
 *       lastUsedAt}, {@code lastError}), the whole pool's counts by state as {@code counts}, {@code
 *       countsByState} or {@code byState}, and the number of keys matching the filter as {@code
 *       matching}, {@code filtered} or {@code total}.
 *   <li>{@code POST /keys/batch} {@code {"text","test":false}}: {@code results} (or {@code keys}),
 *       one per non-blank line in order, each with {@code status} ({@code added} or {@code created}
 *       when it went in) or {@code added}, a {@code message} (or {@code error}), the masked {@code
 *       key}, optionally its {@code line} within the text.
 *   <li>{@code POST /keys/batch-operation} {@code {"operation","keyIds"}}, {@code POST
 *       /keys/{keyId}/test} and {@code POST /maintenance} with {@code {}}: any JSON object, shown
 *       as a report of its fields.
 *   <li>An unknown path answers 404 with the gateway's "No such endpoint" message.
 * </ul>
 */
@ApplicationScoped
public class KeyPoolAccess {

  static final long PROBE_AGAIN_MS = 60_000;
  static final long LEGACY_COPY_MS = 5_000;

  /** Keys per batch-import request: each request is one step of the progress bar. */
  public static final int IMPORT_CHUNK = 200;

  @Inject private RelayAdminClient relay;

  private LongSupplier clock = System::currentTimeMillis;
  private volatile long pagedApiMissingSince = -1;
  private final Map<Long, LegacyCopy> legacyCopies = new ConcurrentHashMap<>();

  private record LegacyCopy(long takenAt, List<PoolKey> keys) {}

  /** One page of the pool, with the whole pool counted by state. */
  public KeyPage page(AdminCredentials who, long providerId, KeyQuery query) {
    if (pagedApi()) {
      try {
        return relay.keyPoolPage(who, providerId, query);
      } catch (RelayRefusedException e) {
        if (!isMissingEndpoint(e)) {
          throw e;
        }
        pagedApiMissingSince = clock.getAsLong();
      }
    }
    return KeyPages.of(legacyPool(who, providerId), query);
  }

  /**
   * Imports some lines of a batch; {@code firstLine} is the 1-based number of the first, so results
   * name the line a person pasted. Blank lines are skipped.
   */
  public List<ImportResult> importLines(
      AdminCredentials who, long providerId, List<String> lines, int firstLine) {
    try {
      if (pagedApi()) {
        try {
          return relay.keyPoolImport(who, providerId, String.join("\n", lines), firstLine);
        } catch (RelayRefusedException e) {
          if (!isMissingEndpoint(e)) {
            throw e;
          }
          pagedApiMissingSince = clock.getAsLong();
        }
      }
      List<ImportResult> results = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String key = lines.get(i).strip();
        if (key.isEmpty()) {
          continue;
        }
        try {
          relay.addProviderKey(who, providerId, key);
          results.add(new ImportResult(firstLine + i, KeyMask.of(key), true, "added"));
        } catch (RelayRefusedException e) {
          if (e.isUnauthorized()) {
            throw e;
          }
          results.add(new ImportResult(firstLine + i, KeyMask.of(key), false, e.getMessage()));
        }
      }
      return results;
    } finally {
      legacyCopies.remove(providerId);
    }
  }

  /** {@code enable}, {@code disable} or {@code delete} some keys; answers the relay's report. */
  public List<String> operate(
      AdminCredentials who, long providerId, String operation, List<Long> keyIds) {
    requirePagedApi(operation);
    try {
      return relay.keyPoolOperation(who, providerId, operation, keyIds);
    } catch (RelayRefusedException e) {
      throw missingOr(e, operation);
    } finally {
      legacyCopies.remove(providerId);
    }
  }

  public List<String> test(AdminCredentials who, long providerId, long keyId) {
    requirePagedApi("test");
    try {
      return relay.keyPoolTest(who, providerId, keyId);
    } catch (RelayRefusedException e) {
      throw missingOr(e, "test");
    }
  }

  public List<String> maintenance(AdminCredentials who, long providerId) {
    requirePagedApi("maintenance");
    try {
      return relay.keyPoolMaintenance(who, providerId);
    } catch (RelayRefusedException e) {
      throw missingOr(e, "maintenance");
    }
  }

  /** Whether the relay is believed to have the key-pool API (until it says otherwise). */
  public boolean pagedApi() {
    long since = pagedApiMissingSince;
    return since < 0 || clock.getAsLong() - since >= PROBE_AGAIN_MS;
  }

  private void requirePagedApi(String operation) {
    if (!pagedApi()) {
      throw new KeyPoolUnsupportedException(operation);
    }
  }

  private RuntimeException missingOr(RelayRefusedException e, String operation) {
    if (isMissingEndpoint(e)) {
      pagedApiMissingSince = clock.getAsLong();
      return new KeyPoolUnsupportedException(operation);
    }
    return e;
  }

  /**
   * The gateway answers an unknown path with 404 "No such endpoint..." (its catch-all), unlike a
   * 404 about an unknown provider or key, which names it.
   */
  static boolean isMissingEndpoint(RelayRefusedException e) {
    return (e.status() == 404 || e.status() == 405)
        && (e.getMessage() == null
            || e.getMessage().startsWith("No such endpoint")
            || e.getMessage().startsWith("The relay answered HTTP"));
  }

  private List<PoolKey> legacyPool(AdminCredentials who, long providerId) {
    long now = clock.getAsLong();
    LegacyCopy copy = legacyCopies.get(providerId);
    if (copy == null || now - copy.takenAt() > LEGACY_COPY_MS) {
      copy = new LegacyCopy(now, relay.providerKeys(who, providerId));
      legacyCopies.put(providerId, copy);
    }
    return copy.keys();
  }

  /** Forget the copy of a pool, after a change made elsewhere on the page. */
  public void changed(long providerId) {
    legacyCopies.remove(providerId);
  }

  void useClock(LongSupplier clock) {
    this.clock = clock;
  }

  void useRelay(RelayAdminClient relay) {
    this.relay = relay;
  }
}
