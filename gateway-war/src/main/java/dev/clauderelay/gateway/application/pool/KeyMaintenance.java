package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.application.pool.KeyPoolService.Change;
import dev.clauderelay.gateway.application.pool.KeyPoolService.Maintenance;
import dev.clauderelay.gateway.application.pool.KeyPoolService.TestOutcome;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.plugin.api.ErrorClass;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps pools honest against their upstreams: tests a key when an admin asks, moves keys whose rest
 * is over back to active, and probes invalid keys (on the scheduler's run, those whose next probe
 * is due, a bounded number over all pools, so 10,000 dead keys cost little). A probe's verdict
 * changes the key as traffic's would: a refused key becomes invalid, an invalid key that passes
 * comes back.
 */
@ApplicationScoped
public class KeyMaintenance {

  private static final Logger LOG = Logger.getLogger(KeyMaintenance.class.getName());

  /** Invalid keys the scheduler probes per run over all pools. */
  static final int PROBES_PER_RUN = 32;

  /** The wait before the next probe of a key still refused doubles up to this. */
  static final Duration MAX_PROBE_BACKOFF = Duration.ofHours(6);

  @Inject private KeyProber prober;

  /** Tests one key of {@code provider}'s pool against its upstream now. */
  TestOutcome test(ProviderRuntime provider, KeyHealth key) {
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
      pool.announce(key);
    }
    return new TestOutcome(key, result, before, key.status());
  }

  /**
   * The scheduler's run over every pool: due recoveries, and the invalid keys whose probe is due.
   *
   * @return how many keys changed state
   */
  int maintainAll(Collection<ProviderRuntime> providers) {
    int budget = PROBES_PER_RUN;
    int changed = 0;
    for (ProviderRuntime provider : providers) {
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

  /**
   * Recovers the pool's keys whose rest is over and probes at most {@code maxProbes} of its invalid
   * keys: all of them, or ({@code onlyDue}) those whose next probe is due.
   */
  Maintenance maintain(ProviderRuntime provider, int maxProbes, boolean onlyDue) {
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
    List<ProbeResult> verdicts =
        prober.probeAll(provider, invalid.stream().map(KeyHealth::secret).toList());
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
}
