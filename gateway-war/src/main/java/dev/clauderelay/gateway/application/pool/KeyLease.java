package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.gateway.domain.model.provider.ProviderKind;
import dev.clauderelay.gateway.infrastructure.upstream.UpstreamHeaders;
import dev.clauderelay.plugin.api.ErrorClass;
import dev.clauderelay.plugin.api.ErrorClassification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One attempt's hold on a key: counts the request in flight from lease to close, and turns the
 * attempt's outcome into the key's new state and counters (the outcome's class, and the time from
 * lease to outcome as the key's latency). Close it in every path (try-with-resources or the
 * exchange's finish); closing twice is harmless, and only the first outcome counts.
 */
public final class KeyLease implements CredentialLease {

  /** How long a rate-limited key rests when the upstream does not say. */
  static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(60);

  /** How long a key with a used-up quota rests when the upstream does not say. */
  static final Duration DEFAULT_EXHAUSTION = Duration.ofHours(1);

  /** The first probe of a key the upstream refused; later ones back off from here. */
  static final Duration FIRST_PROBE_DELAY = Duration.ofMinutes(5);

  private final KeyPool pool;
  private final KeyHealth key;
  private final String model;
  private final long leasedAtMillis;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean outcomeRecorded = new AtomicBoolean();

  /** Takes a key whose request slot {@link KeyHealth#tryAcquire} already reserved. */
  KeyLease(KeyPool pool, KeyHealth key, String model, long nowMillis) {
    this.pool = pool;
    this.key = key;
    this.model = model;
    this.leasedAtMillis = nowMillis;
    key.counters.leased(nowMillis);
  }

  public KeyHealth key() {
    return key;
  }

  @Override
  public long keyId() {
    return key.keyId();
  }

  @Override
  public long accountId() {
    return 0;
  }

  @Override
  public String describe() {
    return "key " + key.masked();
  }

  @Override
  public void authorize(ProviderKind kind, Map<String, List<String>> headers) {
    UpstreamHeaders.applyApiKey(kind, key.secret(), headers);
  }

  /** The upstream model the key was leased for. */
  public String model() {
    return model;
  }

  /** The upstream answered the request successfully. */
  @Override
  public void succeeded() {
    if (outcomeRecorded.compareAndSet(false, true)) {
      key.counters.succeeded(pool.now() - leasedAtMillis);
    }
  }

  /**
   * The attempt failed as {@code classification} says: a limit scoped to one model rests the key
   * for the model this lease was taken for, any other limit rests the whole key.
   */
  @Override
  public void failed(ErrorClassification classification) {
    failed(
        classification.errorClass(),
        classification.untilEpochMillis(),
        classification.message(),
        classification.modelScoped() ? model : null);
  }

  /**
   * The attempt failed: applies what the failure means to the whole key.
   *
   * @param untilMillis for rate limits and exhausted quotas, when the key is usable again; 0 when
   *     unknown
   * @param reason a short description for admins, never a secret
   */
  @Override
  public void failed(ErrorClass errorClass, long untilMillis, String reason) {
    failed(errorClass, untilMillis, reason, null);
  }

  private void failed(ErrorClass errorClass, long untilMillis, String reason, String limitedModel) {
    if (!outcomeRecorded.compareAndSet(false, true)) {
      return;
    }
    long now = pool.now();
    key.counters.failed(errorClass, now - leasedAtMillis, reason, now);
    switch (errorClass) {
      case RATE_LIMITED ->
          rest(
              KeyStatus.COOLING_DOWN,
              untilMillis,
              now + DEFAULT_COOLDOWN.toMillis(),
              reason,
              limitedModel);
      case QUOTA_EXHAUSTED ->
          rest(
              KeyStatus.EXHAUSTED,
              untilMillis,
              now + DEFAULT_EXHAUSTION.toMillis(),
              reason,
              limitedModel);
      case KEY_INVALID -> {
        if (key.markInvalid(reason, now, FIRST_PROBE_DELAY.toMillis())) {
          pool.invalidate();
          pool.announce(key);
        }
      }
      default -> {
        // OVERLOADED, UPSTREAM_ERROR: the upstream's trouble, not the key's; the key stays usable.
        // CLIENT_ERROR: the request was wrong, not the key; the key answered, so it is healthy.
      }
    }
  }

  private void rest(
      KeyStatus restStatus,
      long untilMillis,
      long defaultUntil,
      String reason,
      String limitedModel) {
    long until = untilMillis > pool.now() ? untilMillis : defaultUntil;
    if (limitedModel != null) {
      key.perModel.rest(limitedModel, restStatus, until, reason);
      pool.modelLimited(limitedModel);
      pool.announceModelRest(key, limitedModel, restStatus, until, reason);
    } else if (key.rest(restStatus, until, reason)) {
      pool.invalidate();
      pool.announce(key);
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      key.counters.release();
      key.markDirty();
    }
  }
}
