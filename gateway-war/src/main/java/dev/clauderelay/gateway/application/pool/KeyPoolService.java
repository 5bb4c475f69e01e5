package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.application.admin.AdminActor;
import dev.clauderelay.gateway.application.admin.InvalidInputException;
import dev.clauderelay.gateway.application.admin.NotFoundException;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.application.topology.TopologyService;
import dev.clauderelay.gateway.application.usage.UsageQueries;
import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.gateway.domain.model.provider.ProviderKey;
import dev.clauderelay.gateway.domain.shared.KeyFormat;
import dev.clauderelay.gateway.infrastructure.crypto.Secrets;
import dev.clauderelay.plugin.api.ErrorClass;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What admins do with a provider's key pool: list and find keys among thousands, add one or a
 * batch, change, enable, disable and delete them, test a key against its upstream, read the stats,
 * and run the maintenance (recover what is due, probe invalid keys) that the scheduler also runs.
 *
 * <p>Reads come from the pool in memory (the live truth); writes go through {@link KeyPoolWrites}
 * in a transaction each, and the pool takes them from the rebuild after the commit. Probes of the
 * upstream never run inside a database transaction.
 */
@ApplicationScoped
public class KeyPoolService {

  private static final Logger LOG = Logger.getLogger(KeyPoolService.class.getName());

  /** Entries one batch may hold: an import of 10,000 keys with its stray lines fits. */
  public static final int MAX_BATCH = 20_000;

  /**
   * Entries one tested batch may hold: each test is an upstream round trip, {@value
   * #PROBE_PARALLELISM} at a time, and the admin waits for them all.
   */
  public static final int MAX_TESTED_BATCH = 1_000;

  /** Keys listed at most per page. */
  public static final int MAX_PAGE = 1_000;

  /** Probes in flight at once: an import's test, a maintenance run. */
  static final int PROBE_PARALLELISM = 8;

  /** Invalid keys the scheduler probes per run over all pools, so 10,000 dead keys cost little. */
  static final int PROBES_PER_RUN = 32;

  /** The wait before the next probe of a key still refused doubles up to this. */
  static final Duration MAX_PROBE_BACKOFF = Duration.ofHours(6);

  @Inject private TopologyService topology;
  @Inject private KeyPoolWrites writes;
  @Inject private KeyProber prober;
  @Inject private UsageQueries usage;

  // ---- reading ------------------------------------------------------------------------------

  /** The provider as the request path sees it. */
  public ProviderRuntime provider(long providerId) {
    ProviderRuntime runtime = topology.current().providersById().get(providerId);
    if (runtime == null) {
      throw new NotFoundException("No provider with id " + providerId + ".");
    }
    return runtime;
  }

  /** One key of the provider's pool. */
  public KeyHealth key(long providerId, long keyId) {
    KeyHealth key = provider(providerId).pool().member(keyId);
    if (key == null) {
      throw new NotFoundException("Provider " + providerId + " has no key with id " + keyId + ".");
    }
    return key;
  }

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
  public record ListQuery(int offset, int limit, Set<String> states, String q, String sort) {}

  /** One page of keys, and how many matched in all. */
  public record Page(int total, int offset, int limit, List<KeyHealth> items) {}

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

  /** Filters, sorts and pages the pool's keys in memory: milliseconds for 10,000 keys. */
  public Page list(long providerId, ListQuery query) {
    KeyPool pool = provider(providerId).pool();
    Comparator<KeyHealth> order = order(query.sort());
    Predicate<KeyHealth> matches = filter(query.states(), query.q(), pool.now());
    List<KeyHealth> matched = new ArrayList<>();
    for (KeyHealth key : pool.members()) {
      if (matches.test(key)) {
        matched.add(key);
      }
    }
    matched.sort(order.thenComparingLong(KeyHealth::keyId));
    int offset = Math.min(query.offset(), matched.size());
    int end = Math.min(matched.size(), offset + query.limit());
    return new Page(
        matched.size(), query.offset(), query.limit(), List.copyOf(matched.subList(offset, end)));
  }

  /** Checks paging parameters, naming the one that is wrong. */
  public static ListQuery listQuery(
      Integer offset, Integer limit, String states, String q, String sort) {
    int from = offset == null ? 0 : offset;
    int size = limit == null ? 50 : limit;
    if (from < 0) {
      throw new InvalidInputException("offset", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE);
    }
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
    String field = sort == null || sort.isBlank() ? "id" : sort.strip();
    String bare = field.startsWith("-") ? field.substring(1) : field;
    if (!SORTS.containsKey(bare)) {
      throw new InvalidInputException(
          "sort",
          "unknown field '" + bare + "'; use one of " + SORTS.keySet() + ", '-' for descending");
    }
    return new ListQuery(from, size, wanted, q == null || q.isBlank() ? null : q.strip(), field);
  }

  private static final Set<String> STATE_NAMES = stateNames();

  private static Set<String> stateNames() {
    Set<String> names = new LinkedHashSet<>();
    for (KeyStatus status : KeyStatus.values()) {
      names.add(status.name().toLowerCase(Locale.ROOT));
    }
    names.add("limited_for_a_model");
    return names;
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

  // ---- adding -------------------------------------------------------------------------------

  /**
   * Adds one key to the pool. Within a caller's transaction (the configuration file), the pool
   * takes the key when that transaction commits.
   *
   * @throws InvalidInputException for an empty or malformed key or setting
   * @throws dev.clauderelay.gateway.application.admin.ConflictException for a duplicate
   */
  public ProviderKey addKey(long providerId, NewKey key, AdminActor actor) {
    String secret = KeyFormat.PROVIDER_KEY.require(key.key(), InvalidInputException::ofKey);
    checkSettings("", key.label(), key.weight(), key.rpmLimit(), key.concurrencyLimit());
    return writes.insert(providerId, secret, key, actor);
  }

  /** The outcome of one entry of a batch. */
  public enum Outcome {
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
  public record BatchResult(
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
  public record Refusal(String reason, String message, Integer repeats) {

    static Refusal of(String reason, String message) {
      return new Refusal(reason, message, null);
    }
  }

  /** One entry of a batch, as the admin gave it. */
  public record BatchEntry(int index, NewKey key) {}

  /**
   * Adds many keys at once: each entry is checked for its format and for duplicates (in the pool
   * and earlier in the batch), optionally tested against the upstream, and the good ones are
   * inserted together in one transaction, whatever happened to the others.
   */
  public List<BatchResult> addBatch(
      long providerId, List<BatchEntry> entries, boolean test, AdminActor actor) {
    ProviderRuntime provider = provider(providerId);
    if (entries.isEmpty()) {
      throw new InvalidInputException(
          "keys", "no keys given; send keys (a list) or text (one per line)");
    }
    if (entries.size() > MAX_BATCH) {
      throw new InvalidInputException(
          "keys", entries.size() + " entries; a batch holds at most " + MAX_BATCH);
    }
    if (test && entries.size() > MAX_TESTED_BATCH) {
      throw new InvalidInputException(
          "test",
          "a tested batch holds at most "
              + MAX_TESTED_BATCH
              + " keys; split it, or add without testing (traffic and the scheduled probes find"
              + " refused keys)");
    }
    Set<String> known = writes.fingerprints(providerId);
    Map<String, Integer> seen = new HashMap<>();
    BatchResult[] results = new BatchResult[entries.size()];
    List<Integer> candidates = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      BatchEntry entry = entries.get(i);
      String raw = entry.key().key();
      String masked = raw == null ? "" : Secrets.mask(raw.strip());
      String secret;
      try {
        secret = KeyFormat.PROVIDER_KEY.require(raw, InvalidInputException::ofKey);
        NewKey k = entry.key();
        checkSettings("", k.label(), k.weight(), k.rpmLimit(), k.concurrencyLimit());
      } catch (InvalidInputException e) {
        results[i] =
            new BatchResult(
                entry.index(),
                masked,
                Outcome.INVALID_FORMAT,
                null,
                Refusal.of(e.reason() == null ? "invalid" : e.reason(), e.getMessage()),
                null);
        secrets.add(null);
        continue;
      }
      String fingerprint = Secrets.sha256Hex(secret);
      Integer earlier = seen.putIfAbsent(fingerprint, entry.index());
      if (known.contains(fingerprint)) {
        results[i] =
            new BatchResult(
                entry.index(),
                masked,
                Outcome.DUPLICATE,
                null,
                Refusal.of("in_pool", "the pool holds this key already"),
                null);
      } else if (earlier != null) {
        results[i] =
            new BatchResult(
                entry.index(),
                masked,
                Outcome.DUPLICATE,
                null,
                new Refusal("repeats", "repeats entry " + earlier + " of this batch", earlier),
                null);
      } else {
        candidates.add(i);
      }
      secrets.add(secret);
    }
    Map<Integer, ProbeResult> tests = new HashMap<>();
    if (test) {
      List<Integer> order = new ArrayList<>(candidates);
      List<ProbeResult> verdicts = probeAll(order, i -> prober.probe(provider, secrets.get(i)));
      List<Integer> passed = new ArrayList<>();
      for (int n = 0; n < order.size(); n++) {
        int i = order.get(n);
        ProbeResult verdict = verdicts.get(n);
        tests.put(i, verdict);
        if (verdict.keyAccepted()) {
          passed.add(i);
        } else {
          BatchEntry entry = entries.get(i);
          results[i] =
              new BatchResult(
                  entry.index(),
                  Secrets.mask(secrets.get(i)),
                  Outcome.TEST_FAILED,
                  null,
                  verdict.status() == 0
                      ? Refusal.of("upstream_silent", "the upstream answered nothing")
                      : Refusal.of(
                          "upstream_refused", "the upstream answered HTTP " + verdict.status()),
                  verdict);
        }
      }
      candidates = passed;
    }
    if (!candidates.isEmpty()) {
      List<String> toInsert = new ArrayList<>(candidates.size());
      List<NewKey> settings = new ArrayList<>(candidates.size());
      for (int i : candidates) {
        toInsert.add(secrets.get(i));
        settings.add(entries.get(i).key());
      }
      Map<String, Long> ids = writes.insertMany(providerId, toInsert, settings, actor);
      for (int i : candidates) {
        BatchEntry entry = entries.get(i);
        results[i] =
            new BatchResult(
                entry.index(),
                Secrets.mask(secrets.get(i)),
                Outcome.ADDED,
                ids.get(Secrets.sha256Hex(secrets.get(i))),
                null,
                tests.get(i));
      }
    }
    return List.of(results);
  }

  /** Checks a key's settings, naming the field (prefixed by {@code path}) that is wrong. */
  public static void checkSettings(
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
  public KeyHealth update(long providerId, long keyId, KeyChange change, AdminActor actor) {
    checkSettings(
        "", change.label(), change.weight(), change.rpmLimit(), change.concurrencyLimit());
    KeyStatus status = change.status() == null ? null : adminStatus("status", change.status());
    writes.update(providerId, keyId, change, status, actor);
    return key(providerId, keyId);
  }

  public void delete(long providerId, long keyId, AdminActor actor) {
    writes.delete(providerId, keyId, actor);
  }

  /** What a batch operation did to one key. */
  public record OperationResult(long keyId, String masked, boolean done, String message) {}

  /** Enables, disables or deletes a set of keys of the pool, with a result per key. */
  public List<OperationResult> batchOperation(
      long providerId, String operation, List<Long> keyIds, AdminActor actor) {
    KeyPool pool = provider(providerId).pool();
    if (operation == null || operation.isBlank()) {
      throw new InvalidInputException("operation", "required: enable, disable or delete");
    }
    if (keyIds == null || keyIds.isEmpty()) {
      throw new InvalidInputException("keyIds", "no key ids given");
    }
    if (keyIds.size() > MAX_BATCH) {
      throw new InvalidInputException("keyIds", "at most " + MAX_BATCH + " per operation");
    }
    if (keyIds.stream().anyMatch(id -> id == null)) {
      throw new InvalidInputException("keyIds", "must not hold null");
    }
    Map<Long, String> maskedBefore = new HashMap<>();
    for (Long id : keyIds) {
      KeyHealth key = pool.member(id);
      maskedBefore.put(id, key == null ? null : key.masked());
    }
    List<Long> done =
        switch (operation.strip().toLowerCase(Locale.ROOT)) {
          case "enable" -> writes.decideStatus(providerId, keyIds, KeyStatus.ACTIVE, actor);
          case "disable" -> writes.decideStatus(providerId, keyIds, KeyStatus.DISABLED, actor);
          case "delete" -> writes.deleteMany(providerId, keyIds, actor);
          default ->
              throw new InvalidInputException(
                  "operation",
                  "unknown operation '" + operation + "'; use enable, disable or delete");
        };
    Set<Long> doneIds = new HashSet<>(done);
    List<OperationResult> results = new ArrayList<>();
    for (Long id : new LinkedHashSet<>(keyIds)) {
      boolean ok = doneIds.contains(id);
      results.add(
          new OperationResult(
              id,
              maskedBefore.get(id),
              ok,
              ok ? null : "provider " + providerId + " has no key with id " + id));
    }
    return results;
  }

  private static KeyStatus adminStatus(String field, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "active", "enabled" -> KeyStatus.ACTIVE;
      case "disabled" -> KeyStatus.DISABLED;
      default ->
          throw new InvalidInputException(
              field, "'" + value + "' cannot be set; use active (enable) or disabled");
    };
  }

  // ---- testing and maintenance --------------------------------------------------------------

  /**
   * A key's test: what the upstream answered, and what the pool made of it (a refused key becomes
   * invalid; an invalid key that passes comes back).
   */
  public record TestOutcome(KeyHealth key, ProbeResult result, KeyStatus before, KeyStatus after) {}

  /** Tests one key against its upstream now. */
  public TestOutcome test(long providerId, long keyId) {
    ProviderRuntime provider = provider(providerId);
    KeyHealth key = key(providerId, keyId);
    ProbeResult result = prober.probe(provider, key.secret()).join();
    KeyStatus before = key.status();
    KeyPool pool = provider.pool();
    long now = pool.now();
    if (before == KeyStatus.INVALID) {
      pool.applyProbe(
          key, result, KeyLease.FIRST_PROBE_DELAY.toMillis(), MAX_PROBE_BACKOFF.toMillis());
    } else if (result.errorClass() == ErrorClass.KEY_INVALID
        && key.markInvalid(
            "refused when tested: " + result.message(),
            now,
            KeyLease.FIRST_PROBE_DELAY.toMillis())) {
      pool.invalidate();
    }
    return new TestOutcome(key, result, before, key.status());
  }

  /** A key whose state a maintenance run changed. */
  public record Change(long keyId, String masked, KeyStatus before, KeyStatus after, String note) {}

  /**
   * What a maintenance run did.
   *
   * @param probed the invalid keys probed, with the upstream's answers
   * @param invalidLeft invalid keys not probed this time (the run's probe budget was spent)
   */
  public record Maintenance(
      List<Change> recovered,
      List<Change> probed,
      Map<Long, ProbeResult> answers,
      int invalidLeft) {}

  /**
   * Recovers the pool's keys whose rest is over and probes its invalid keys now (at most {@code
   * maxProbes}, whether or not their next scheduled probe is due).
   */
  public Maintenance maintain(long providerId, int maxProbes) {
    ProviderRuntime provider = provider(providerId);
    return maintain(provider, maxProbes, false);
  }

  /**
   * The scheduler's run over every pool: due recoveries, and the invalid keys whose probe is due.
   */
  public int maintainAll() {
    int budget = PROBES_PER_RUN;
    int changed = 0;
    for (ProviderRuntime provider : topology.current().providersById().values()) {
      try {
        Maintenance run = maintain(provider, budget, true);
        budget -= run.answers().size();
        changed += run.recovered().size();
        changed += (int) run.probed().stream().filter(c -> c.before() != c.after()).count();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Key pool maintenance failed for provider " + provider.name(), e);
      }
    }
    return changed;
  }

  private Maintenance maintain(ProviderRuntime provider, int maxProbes, boolean onlyDue) {
    KeyPool pool = provider.pool();
    Map<Long, KeyStatus> before = new HashMap<>();
    for (KeyHealth key : pool.members()) {
      if (key.status() != KeyStatus.ACTIVE || key.hasModelLimits(Long.MIN_VALUE)) {
        before.put(key.keyId(), key.status());
      }
    }
    List<Change> recovered = new ArrayList<>();
    for (KeyHealth key : pool.recoverDue()) {
      recovered.add(
          new Change(
              key.keyId(),
              key.masked(),
              before.getOrDefault(key.keyId(), KeyStatus.ACTIVE),
              key.status(),
              "rest over"));
    }
    List<KeyHealth> invalid = new ArrayList<>();
    int invalidCount = 0;
    for (KeyHealth key : onlyDue ? pool.dueForProbe(Integer.MAX_VALUE) : pool.members()) {
      if (key.status() != KeyStatus.INVALID) {
        continue;
      }
      invalidCount++;
      if (invalid.size() < Math.max(0, maxProbes) && provider.available()) {
        invalid.add(key);
      }
    }
    List<ProbeResult> verdicts = probeAll(invalid, key -> prober.probe(provider, key.secret()));
    List<Change> probed = new ArrayList<>();
    Map<Long, ProbeResult> answers = new LinkedHashMap<>();
    for (int i = 0; i < invalid.size(); i++) {
      KeyHealth key = invalid.get(i);
      ProbeResult verdict = verdicts.get(i);
      pool.applyProbe(
          key, verdict, KeyLease.FIRST_PROBE_DELAY.toMillis(), MAX_PROBE_BACKOFF.toMillis());
      answers.put(key.keyId(), verdict);
      probed.add(
          new Change(
              key.keyId(),
              key.masked(),
              KeyStatus.INVALID,
              key.status(),
              verdict.passed() ? "probe passed" : verdict.message()));
    }
    if (!recovered.isEmpty() || probed.stream().anyMatch(c -> c.after() != KeyStatus.INVALID)) {
      LOG.log(
          Level.INFO,
          "Key pool {0}: {1} key(s) recovered after their rest, {2} of {3} probed invalid key(s)"
              + " back",
          new Object[] {
            provider.name(),
            recovered.size(),
            probed.stream().filter(c -> c.after() != KeyStatus.INVALID).count(),
            probed.size()
          });
    }
    return new Maintenance(recovered, probed, answers, invalidCount - invalid.size());
  }

  /** Runs the probes with at most {@value #PROBE_PARALLELISM} in flight; answers in order. */
  private static <T> List<ProbeResult> probeAll(
      List<T> items, Function<T, CompletableFuture<ProbeResult>> probe) {
    List<ProbeResult> results = new ArrayList<>(items.size());
    for (int from = 0; from < items.size(); from += PROBE_PARALLELISM) {
      List<CompletableFuture<ProbeResult>> wave = new ArrayList<>();
      for (T item : items.subList(from, Math.min(items.size(), from + PROBE_PARALLELISM))) {
        wave.add(probe.apply(item));
      }
      wave.forEach(f -> results.add(f.join()));
    }
    return results;
  }

  // ---- stats --------------------------------------------------------------------------------

  /**
   * The pool's stats: every key's counters (a page of them), the totals, and the hourly series of
   * the last {@code hours} from the usage aggregates (for one key when {@code keyId} is given).
   */
  public record Stats(
      ProviderRuntime provider,
      Totals totals,
      Page keys,
      int hours,
      List<UsageQueries.Hour> series) {}

  /** The pool's counters summed over its keys. */
  public record Totals(
      int keys,
      long requests,
      long successes,
      long failures,
      long rateLimited,
      Map<ErrorClass, Long> outcomes,
      long averageLatencyMillis) {}

  public Stats stats(long providerId, Long keyId, int hours, ListQuery page) {
    ProviderRuntime provider = provider(providerId);
    if (hours < 1 || hours > 24 * 31) {
      throw new InvalidInputException("hours", "must be between 1 and " + 24 * 31);
    }
    Collection<KeyHealth> members;
    Page keys;
    if (keyId != null) {
      KeyHealth key = key(providerId, keyId);
      members = List.of(key);
      keys = new Page(1, 0, 1, List.of(key));
    } else {
      members = provider.pool().members();
      keys = list(providerId, page);
    }
    long requests = 0;
    long successes = 0;
    long failures = 0;
    long rateLimited = 0;
    long latencyTotal = 0;
    long latencyCount = 0;
    Map<ErrorClass, Long> outcomes = new LinkedHashMap<>();
    for (ErrorClass errorClass : ErrorClass.values()) {
      outcomes.put(errorClass, 0L);
    }
    for (KeyHealth key : members) {
      requests += key.totalRequests();
      successes += key.successes();
      failures += key.failures();
      rateLimited += key.rateLimited();
      latencyTotal += key.latencyTotalMillis();
      latencyCount += key.latencyCount();
      for (ErrorClass errorClass : ErrorClass.values()) {
        outcomes.merge(errorClass, key.outcomes(errorClass), Long::sum);
      }
    }
    Totals totals =
        new Totals(
            members.size(),
            requests,
            successes,
            failures,
            rateLimited,
            outcomes,
            latencyCount == 0 ? 0 : latencyTotal / latencyCount);
    return new Stats(provider, totals, keys, hours, usage.series(hours, providerId, keyId));
  }
}
