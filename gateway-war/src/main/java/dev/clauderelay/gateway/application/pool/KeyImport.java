package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.application.admin.AdminActor;
import dev.clauderelay.gateway.application.admin.InvalidInputException;
import dev.clauderelay.gateway.application.pool.KeyPoolService.BatchEntry;
import dev.clauderelay.gateway.application.pool.KeyPoolService.BatchResult;
import dev.clauderelay.gateway.application.pool.KeyPoolService.Outcome;
import dev.clauderelay.gateway.application.pool.KeyPoolService.Refusal;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.domain.model.provider.ProviderKey;
import dev.clauderelay.gateway.domain.shared.KeyFormat;
import dev.clauderelay.gateway.infrastructure.crypto.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds keys to a pool: one, or a batch of thousands pasted at once. Each entry of a batch is
 * checked for its format and settings and for duplicates (in the pool, and earlier in the batch),
 * tested against the upstream when the admin asks, and the good ones are inserted together in one
 * transaction, whatever happened to the others; every entry gets its result.
 */
@ApplicationScoped
public class KeyImport {

  @Inject private KeyPoolWrites writes;
  @Inject private KeyProber prober;

  /**
   * Adds one key.
   *
   * @throws InvalidInputException for an empty or malformed key or setting
   * @throws dev.clauderelay.gateway.application.admin.ConflictException for a duplicate
   */
  ProviderKey add(long providerId, NewKey key, AdminActor actor) {
    String secret = KeyFormat.PROVIDER_KEY.require(key.key(), InvalidInputException::ofKey);
    KeyPoolService.checkSettings(
        "", key.label(), key.weight(), key.rpmLimit(), key.concurrencyLimit());
    return writes.insert(providerId, secret, key, actor);
  }

  /** Adds a batch to {@code provider}'s pool; the results are in the order of {@code entries}. */
  List<BatchResult> addBatch(
      ProviderRuntime provider, List<BatchEntry> entries, boolean test, AdminActor actor) {
    if (entries.isEmpty()) {
      throw new InvalidInputException(
          "keys", "no keys given; send keys (a list) or text (one per line)");
    }
    if (entries.size() > KeyPoolService.MAX_BATCH) {
      throw new InvalidInputException(
          "keys", entries.size() + " entries; a batch holds at most " + KeyPoolService.MAX_BATCH);
    }
    if (test && entries.size() > KeyPoolService.MAX_TESTED_BATCH) {
      throw new InvalidInputException(
          "test",
          "a tested batch holds at most "
              + KeyPoolService.MAX_TESTED_BATCH
              + " keys; split it, or add without testing (traffic and the scheduled probes find"
              + " refused keys)");
    }
    BatchResult[] results = new BatchResult[entries.size()];
    List<String> secrets = new ArrayList<>(entries.size());
    List<Integer> candidates = check(provider.id(), entries, results, secrets);
    Map<Integer, ProbeResult> tests = new HashMap<>();
    if (test) {
      candidates = testAgainstUpstream(provider, entries, candidates, secrets, results, tests);
    }
    if (!candidates.isEmpty()) {
      insert(provider.id(), entries, candidates, secrets, results, tests, actor);
    }
    return List.of(results);
  }

  /**
   * Checks each entry's format, settings and novelty; an entry that fails gets its result now.
   *
   * @param secrets receives each entry's key as stored ({@code null} when malformed)
   * @return the positions of the entries that may be added
   */
  private List<Integer> check(
      long providerId, List<BatchEntry> entries, BatchResult[] results, List<String> secrets) {
    Set<String> known = writes.fingerprints(providerId);
    Map<String, Integer> seen = new HashMap<>();
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      BatchEntry entry = entries.get(i);
      String raw = entry.key().key();
      String masked = raw == null ? "" : Secrets.mask(raw.strip());
      String secret;
      try {
        secret = KeyFormat.PROVIDER_KEY.require(raw, InvalidInputException::ofKey);
        NewKey k = entry.key();
        KeyPoolService.checkSettings("", k.label(), k.weight(), k.rpmLimit(), k.concurrencyLimit());
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
    return candidates;
  }

  /**
   * Tests the candidates against the upstream; one it refuses gets its result now.
   *
   * @param tests receives each candidate's answer
   * @return the candidates the upstream accepted
   */
  private List<Integer> testAgainstUpstream(
      ProviderRuntime provider,
      List<BatchEntry> entries,
      List<Integer> candidates,
      List<String> secrets,
      BatchResult[] results,
      Map<Integer, ProbeResult> tests) {
    List<String> tested = new ArrayList<>(candidates.size());
    for (int i : candidates) {
      tested.add(secrets.get(i));
    }
    List<ProbeResult> verdicts = prober.probeAll(provider, tested);
    List<Integer> passed = new ArrayList<>();
    for (int n = 0; n < candidates.size(); n++) {
      int i = candidates.get(n);
      ProbeResult verdict = verdicts.get(n);
      tests.put(i, verdict);
      if (verdict.keyAccepted()) {
        passed.add(i);
      } else {
        results[i] =
            new BatchResult(
                entries.get(i).index(),
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
    return passed;
  }

  private void insert(
      long providerId,
      List<BatchEntry> entries,
      List<Integer> candidates,
      List<String> secrets,
      BatchResult[] results,
      Map<Integer, ProbeResult> tests,
      AdminActor actor) {
    List<String> toInsert = new ArrayList<>(candidates.size());
    List<NewKey> settings = new ArrayList<>(candidates.size());
    for (int i : candidates) {
      toInsert.add(secrets.get(i));
      settings.add(entries.get(i).key());
    }
    Map<String, Long> ids = writes.insertMany(providerId, toInsert, settings, actor);
    for (int i : candidates) {
      results[i] =
          new BatchResult(
              entries.get(i).index(),
              Secrets.mask(secrets.get(i)),
              Outcome.ADDED,
              ids.get(Secrets.sha256Hex(secrets.get(i))),
              null,
              tests.get(i));
    }
  }
}
