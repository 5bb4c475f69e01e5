package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.application.admin.AdminActor;
import dev.clauderelay.gateway.application.admin.InvalidInputException;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.application.usage.UsageQueries;
import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.gateway.domain.model.provider.ProviderKey;
import dev.clauderelay.plugin.api.ErrorClass;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What admins do with a provider's key pool: list and find keys among thousands, add one or a
 * batch, change, enable, disable and delete them, test a key against its upstream, read the stats,
 * and run the maintenance (recover what is due, probe invalid keys) that the scheduler also runs.
 *
 * <p>Reads come from the pool in memory (the live truth); writes go to the database in a
 * transaction each, and the pool takes them from the rebuild after the commit. Probes of the
 * upstream never run inside a database transaction. Implemented by {@link DefaultKeyPoolService}.
 */
public interface KeyPoolService {

  /** Entries one batch may hold: an import of 10,000 keys with its stray lines fits. */
  int MAX_BATCH = 20_000;

  /**
   * Entries one tested batch may hold: each test is an upstream round trip, {@value
   * KeyProber#PARALLELISM} at a time, and the admin waits for them all.
   */
  int MAX_TESTED_BATCH = 1_000;

  /** Keys listed at most per page. */
  int MAX_PAGE = 1_000;

  // ---- reading ------------------------------------------------------------------------------

  /** The provider as the request path sees it. */
  ProviderRuntime provider(long providerId);

  /** One key of the provider's pool. */
  KeyHealth key(long providerId, long keyId);

  /**
   * Which keys to list.
   *
   * @param states status names ({@code active}, {@code cooling_down}, {@code exhausted}, {@code
   *     invalid}, {@code disabled}, and {@code limited_for_a_model}); empty for all
   * @param q a piece of the label or of the masked key, the key's id, or the whole key as pasted
   *     (compared with the secret the pool holds, never shown); {@code null} for all
   * @param sort a field ({@code id}, {@code label}, {@code status}, {@code weight}, {@code
   *     requests}, {@code successes}, {@code failures}, {@code rateLimited}, {@code lastUsed},
   *     {@code latency}), {@code -} in front for descending
   */
  record ListQuery(int offset, int limit, Set<String> states, String q, String sort) {}

  /** One page of keys, and how many matched in all. */
  record Page(int total, int offset, int limit, List<KeyHealth> items) {}

  /** Filters, sorts and pages the pool's keys in memory: milliseconds for 10,000 keys. */
  Page list(long providerId, ListQuery query);

  /** Checks paging parameters, naming the one that is wrong. */
  static ListQuery listQuery(Integer offset, Integer limit, String states, String q, String sort) {
    int from = offset == null ? 0 : offset;
    int size = limit == null ? 50 : limit;
    if (from < 0) {
      throw new InvalidInputException("offset", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE);
    }
    return new ListQuery(
        from,
        size,
        KeyListing.states(states),
        q == null || q.isBlank() ? null : q.strip(),
        KeyListing.sort(sort));
  }

  // ---- adding -------------------------------------------------------------------------------

  /**
   * Adds one key to the pool. Within a caller's transaction (the configuration file), the pool
   * takes the key when that transaction commits.
   *
   * @throws InvalidInputException for an empty or malformed key or setting
   * @throws dev.clauderelay.gateway.application.admin.ConflictException for a duplicate
   */
  ProviderKey addKey(long providerId, NewKey key, AdminActor actor);

  /** The outcome of one entry of a batch. */
  enum Outcome {
    ADDED,
    DUPLICATE,
    INVALID_FORMAT,
    TEST_FAILED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What happened to one entry of a batch.
   *
   * @param index the entry's position: in {@code keys}, or its line number in {@code text}
   * @param masked the key as admins may see it
   * @param keyId the new key's id when added
   * @param refusal why it was not added; {@code null} when added
   * @param upstream what the upstream answered the entry's test, when tested
   */
  record BatchResult(
      int index,
      String masked,
      Outcome outcome,
      Long keyId,
      Refusal refusal,
      ProbeResult upstream) {}

  /**
   * Why an entry of a batch was not added: a stable {@code reason} a console words in its own
   * language, and the relay's English {@code message}.
   *
   * @param reason {@code in_pool}, {@code repeats} (of entry {@code repeats}), {@code key_empty},
   *     {@code key_length}, {@code key_characters}, {@code invalid} (see the message), {@code
   *     upstream_refused} or {@code upstream_silent}
   * @param repeats the earlier entry this one repeats, for {@code repeats}
   */
  record Refusal(String reason, String message, Integer repeats) {

    static Refusal of(String reason, String message) {
      return new Refusal(reason, message, null);
    }
  }

  /** One entry of a batch, as the admin gave it. */
  record BatchEntry(int index, NewKey key) {}

  /**
   * Adds many keys at once: each entry is checked for its format and for duplicates (in the pool
   * and earlier in the batch), optionally tested against the upstream, and the good ones are
   * inserted together in one transaction, whatever happened to the others.
   */
  List<BatchResult> addBatch(
      long providerId, List<BatchEntry> entries, boolean test, AdminActor actor);

  /** Checks a key's settings, naming the field (prefixed by {@code path}) that is wrong. */
  static void checkSettings(
      String path, String label, Integer weight, Integer rpmLimit, Integer concurrencyLimit) {
    if (label != null && label.length() > 200) {
      throw new InvalidInputException(path + "label", "at most 200 characters");
    }
    if (weight != null && (weight < 1 || weight > 1000)) {
      throw new InvalidInputException(path + "weight", "must be between 1 and 1000");
    }
    if (rpmLimit != null && (rpmLimit < 0 || rpmLimit > 1_000_000)) {
      throw new InvalidInputException(path + "rpmLimit", "must be between 0 (none) and 1000000");
    }
    if (concurrencyLimit != null && (concurrencyLimit < 0 || concurrencyLimit > 100_000)) {
      throw new InvalidInputException(
          path + "concurrencyLimit", "must be between 0 (none) and 100000");
    }
  }

  // ---- changing -----------------------------------------------------------------------------

  /** Changes one key: its settings, and {@code active} or {@code disabled}. */
  KeyHealth update(long providerId, long keyId, KeyChange change, AdminActor actor);

  void delete(long providerId, long keyId, AdminActor actor);

  /** What a batch operation did to one key. */
  record OperationResult(long keyId, String masked, boolean done, String message) {}

  /** Enables, disables or deletes a set of keys of the pool, with a result per key. */
  List<OperationResult> batchOperation(
      long providerId, String operation, List<Long> keyIds, AdminActor actor);

  // ---- testing and maintenance --------------------------------------------------------------

  /**
   * A key's test: what the upstream answered, and what the pool made of it (a refused key becomes
   * invalid; an invalid key that passes comes back).
   */
  record TestOutcome(KeyHealth key, ProbeResult result, KeyStatus before, KeyStatus after) {}

  /** Tests one key against its upstream now. */
  TestOutcome test(long providerId, long keyId);

  /** A key whose state a maintenance run changed. */
  record Change(long keyId, String masked, KeyStatus before, KeyStatus after, String note) {}

  /**
   * What a maintenance run did.
   *
   * @param probed the invalid keys probed, with the upstream's answers
   * @param invalidLeft invalid keys not probed this time (the run's probe budget was spent)
   */
  record Maintenance(
      List<Change> recovered,
      List<Change> probed,
      Map<Long, ProbeResult> answers,
      int invalidLeft) {}

  /**
   * Recovers the pool's keys whose rest is over and probes its invalid keys now (at most {@code
   * maxProbes}, whether or not their next scheduled probe is due).
   */
  Maintenance maintain(long providerId, int maxProbes);

  /**
   * The scheduler's run over every pool: due recoveries, and the invalid keys whose probe is due.
   *
   * @return how many keys changed state
   */
  int maintainAll();

  // ---- stats --------------------------------------------------------------------------------

  /**
   * The pool's stats: every key's counters (a page of them), the totals, and the hourly series of
   * the last {@code hours} from the usage aggregates (for one key when {@code keyId} is given).
   */
  record Stats(
      ProviderRuntime provider,
      Totals totals,
      Page keys,
      int hours,
      List<UsageQueries.Hour> series) {}

  /** The pool's counters summed over its keys. */
  record Totals(
      int keys,
      long requests,
      long successes,
      long failures,
      long rateLimited,
      Map<ErrorClass, Long> outcomes,
      long averageLatencyMillis) {}

  Stats stats(long providerId, Long keyId, int hours, ListQuery page);
}
