package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.gateway.application.account.AccountLease;
import dev.clauderelay.gateway.application.account.AccountPool;
import dev.clauderelay.gateway.application.pool.CredentialLease;
import dev.clauderelay.gateway.application.pool.KeyLease;
import dev.clauderelay.gateway.application.pool.KeyPool;
import dev.clauderelay.gateway.application.routing.ResolvedRoute;
import dev.clauderelay.gateway.application.routing.RouteTarget;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.plugin.api.ErrorClass;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * One request's bounded attempt loop: which target and which credential the next attempt takes (a
 * Claude account when the target sends with them, else a key of its pool; never one this request
 * tried already), when a target is spent, what each failed attempt left behind, and the error the
 * client gets once nothing is left. It holds the current attempt's credential and settles it once:
 * succeeded, failed as classified (then another may be tried), failed for good, or only released.
 *
 * <p>Not thread-safe: its exchange calls it under the exchange's lock.
 */
final class Attempts {

  /** Attempts per request, over all targets. */
  static final int MAX_ATTEMPTS = 6;

  /** Credentials tried per target before moving on to the next. */
  static final int MAX_KEYS_PER_TARGET = 3;

  private final RelayRequest request;
  private final List<RouteTarget> targets;
  private final String routeDescription;
  private final AccountPool accounts;

  private int targetIndex;
  private int count;
  private int countOnTarget;
  private final Map<Long, Set<Long>> triedKeys = new HashMap<>();

  /** The collections below are made on first use: most requests need none of them. */
  private Set<Long> triedAccounts;

  private Set<Long> renewedAccounts;
  private List<String> failures;
  private ErrorClassification lastFailure;
  private long soonestRetryMillis = Long.MAX_VALUE;

  private RouteTarget target;
  private CredentialLease lease;
  private CompletionStage<Boolean> renewal;

  Attempts(RelayRequest request, ResolvedRoute route, AccountPool accounts) {
    this.request = request;
    this.targets = route.targets();
    this.routeDescription = route.description();
    this.accounts = accounts;
  }

  /**
   * Takes the next attempt's target and credential, moving past targets that are unavailable, spent
   * or without a usable credential (each leaves its reason among the failures).
   *
   * @return whether an attempt was taken; {@code false} once the bound is reached or no target is
   *     left
   */
  boolean advance() {
    while (targetIndex < targets.size() && count < MAX_ATTEMPTS) {
      RouteTarget candidate = targets.get(targetIndex);
      ProviderRuntime provider = candidate.provider();
      if (!provider.available()) {
        note(provider.name() + ": " + provider.unavailableReason());
        moveToNextTarget();
        continue;
      }
      if (countOnTarget >= MAX_KEYS_PER_TARGET) {
        moveToNextTarget();
        continue;
      }
      Set<Long> tried = triedKeys.computeIfAbsent(provider.id(), id -> new HashSet<>());
      String upstreamModel = candidate.upstreamModel(request.body().model());
      CredentialLease leased = null;
      if (provider.claudeAccounts()) {
        AccountLease account = accounts.lease(triedAccounts(), request.session().affinityKey());
        if (account != null) {
          if (triedAccounts == null) {
            triedAccounts = new HashSet<>();
          }
          triedAccounts.add(account.accountId());
          leased = account;
        }
      }
      if (leased == null) {
        KeyLease key =
            provider
                .pool()
                .lease(provider.strategy(), upstreamModel, tried, request.session().affinityKey());
        if (key != null) {
          tried.add(key.keyId());
          leased = key;
        }
      }
      if (leased == null) {
        note(provider.name() + ": " + describeNoCredential(provider, upstreamModel, tried));
        moveToNextTarget();
        continue;
      }
      count++;
      countOnTarget++;
      target = candidate;
      lease = leased;
      return true;
    }
    return false;
  }

  private void moveToNextTarget() {
    targetIndex++;
    countOnTarget = 0;
  }

  private Set<Long> triedAccounts() {
    return triedAccounts == null ? Set.of() : triedAccounts;
  }

  private String describeNoCredential(
      ProviderRuntime provider, String upstreamModel, Set<Long> tried) {
    List<KeyPool.Unavailable> reasons = new ArrayList<>();
    if (provider.claudeAccounts()) {
      reasons.add(accounts.describeUnavailable(triedAccounts()));
    }
    if (!provider.claudeAccounts() || !provider.pool().members().isEmpty()) {
      reasons.add(provider.pool().describeUnavailable(upstreamModel, tried));
    }
    List<String> text = new ArrayList<>();
    for (KeyPool.Unavailable why : reasons) {
      if (why.soonestUsableMillis() > 0) {
        soonestRetryMillis = Math.min(soonestRetryMillis, why.soonestUsableMillis());
      }
      text.add(why.reason());
    }
    return String.join("; ", text);
  }

  // ---- the current attempt ------------------------------------------------------------------

  /** The current attempt's target; {@code null} before the first. */
  RouteTarget target() {
    return target;
  }

  /**
   * The target whose provider answers for the request in usage and metrics: the current attempt's,
   * or the route's first when no attempt could be taken (every credential of every target cooling
   * down, invalid or disabled). Such a refusal is its provider's, not nobody's: counted nowhere, an
   * exhausted pool would look idle in the provider's figures. {@code null} only for a route without
   * targets.
   */
  RouteTarget accountedTarget() {
    if (target != null) {
      return target;
    }
    return targets.isEmpty() ? null : targets.get(0);
  }

  /** The current attempt's credential; {@code null} before the first. */
  CredentialLease lease() {
    return lease;
  }

  /** Attempts taken so far. */
  int count() {
    return count;
  }

  /** The upstream answered the attempt successfully. */
  void succeeded() {
    lease.succeeded();
    lease.close();
  }

  /**
   * The attempt failed before anything reached the client, as {@code classification} says: the
   * credential takes the consequence, and the failure is remembered for the client's error should
   * no other attempt succeed.
   */
  void failed(ErrorClassification classification) {
    lastFailure = classification;
    note(target.provider().name() + " " + lease.describe() + ": " + classification.message());
    if (classification.untilEpochMillis() > 0) {
      soonestRetryMillis = Math.min(soonestRetryMillis, classification.untilEpochMillis());
    }
    lease.failed(classification);
    lease.close();
  }

  /**
   * The attempt ended the exchange without a retry; ignored when the attempt has already been
   * settled, or none was taken.
   */
  void failedFinally(ErrorClass errorClass, String reason) {
    if (lease != null) {
      lease.failed(errorClass, 0, reason);
      lease.close();
    }
  }

  /** Gives the credential back without an outcome (the attempt never reached the upstream). */
  void release() {
    if (lease != null) {
      lease.close();
    }
  }

  // ---- a refused Claude account -------------------------------------------------------------

  /**
   * A Claude account's OAuth token was refused: once per account and request, the token is
   * refreshed (one refresh for all requests that saw the refusal) and the same account tried again
   * with the new one, if an attempt is left.
   *
   * @return whether a renewal is under way ({@link #renewal}); when not, the refusal is an ordinary
   *     failure
   */
  boolean renewAfterRefusal(ErrorClassification classification) {
    long accountId = lease.accountId();
    if (accountId == 0 || count >= MAX_ATTEMPTS || !firstRenewalOf(accountId)) {
      return false;
    }
    CompletionStage<Boolean> renewing = lease.renewAfterRefusal(classification.message());
    if (renewing == null) {
      return false;
    }
    note(
        target.provider().name()
            + " "
            + lease.describe()
            + ": "
            + classification.message()
            + " (token refreshed)");
    lastFailure = classification;
    lease.close();
    renewal = renewing;
    return true;
  }

  private boolean firstRenewalOf(long accountId) {
    if (renewedAccounts == null) {
      renewedAccounts = new HashSet<>();
    }
    return renewedAccounts.add(accountId);
  }

  /** The renewal under way, completing with whether the renewed account may be tried. */
  CompletionStage<Boolean> renewal() {
    return renewal;
  }

  /**
   * The renewal ended: the renewed account becomes the current attempt's credential, counted as an
   * attempt of its own.
   *
   * @return whether it did; when not (the refresh failed, or the account became unusable), the loop
   *     goes on with {@link #advance}
   */
  boolean resumeAfterRenewal(boolean renewed) {
    long accountId = lease.accountId();
    renewal = null;
    AccountLease again = renewed ? accounts.leaseAgain(accountId) : null;
    if (again == null) {
      return false;
    }
    count++;
    lease = again;
    return true;
  }

  // ---- giving up ----------------------------------------------------------------------------

  /** What the failed attempts left behind, {@code "; "}-joined; empty when none failed. */
  String failures() {
    return failures == null ? "" : String.join("; ", failures);
  }

  /**
   * The client's error once no attempt is left: 429 with {@code retry-after} when the last failure
   * was a rate limit, 504 or 502 when the upstream failed (timed out or not), else 529 {@code
   * overloaded_error}, with {@code retry-after} when a resting credential will be usable again.
   *
   * @param headers receives the error's extra headers
   */
  GatewayError exhausted(Map<String, String> headers) {
    String why = failures();
    if (lastFailure != null
        && lastFailure.errorClass() == ErrorClass.RATE_LIMITED
        && soonestRetryMillis != Long.MAX_VALUE) {
      long seconds = secondsUntil(soonestRetryMillis);
      headers.put("retry-after", Long.toString(seconds));
      return new GatewayError(
          ErrorType.RATE_LIMIT,
          "Every usable key or account is rate limited; retry after " + seconds + " s. " + why);
    }
    if (lastFailure != null && lastFailure.errorClass() == ErrorClass.UPSTREAM_ERROR) {
      boolean timedOut = lastFailure.clientType() == ErrorType.TIMEOUT;
      return new GatewayError(
          timedOut ? ErrorType.TIMEOUT : ErrorType.API,
          timedOut ? 504 : 502,
          "The upstream failed on every attempt (" + count + "): " + why);
    }
    if (soonestRetryMillis != Long.MAX_VALUE) {
      headers.put("retry-after", Long.toString(secondsUntil(soonestRetryMillis)));
    }
    return new GatewayError(
        ErrorType.OVERLOADED,
        "No upstream could take the request (" + routeDescription + "): " + why);
  }

  private static long secondsUntil(long epochMillis) {
    return Math.max(1, (epochMillis - System.currentTimeMillis() + 999) / 1000);
  }

  private void note(String failure) {
    if (failures == null) {
      failures = new ArrayList<>();
    }
    failures.add(failure);
  }
}
