package dev.clauderelay.gateway.application.account;

import dev.clauderelay.gateway.application.pool.CredentialLease;
import dev.clauderelay.gateway.domain.model.account.AccountAuthType;
import dev.clauderelay.gateway.domain.model.provider.ProviderKind;
import dev.clauderelay.gateway.infrastructure.upstream.UpstreamHeaders;
import dev.clauderelay.plugin.api.ErrorClass;
import dev.clauderelay.plugin.api.ErrorClassification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One attempt's hold on a Claude account: an OAuth account sends its access token as a bearer token
 * with the OAuth beta, an API key account its key; the outcome goes back to the account.
 */
public final class AccountLease implements CredentialLease {

  private final AccountPool pool;
  private final AccountHealth account;
  private final String credential;
  private final int credentialVersion;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean outcomeRecorded = new AtomicBoolean();

  AccountLease(AccountPool pool, AccountHealth account, long nowMillis) {
    this.pool = pool;
    this.account = account;
    this.credential = account.credential();
    this.credentialVersion = account.credentialVersion();
    account.acquire(nowMillis);
  }

  public AccountHealth account() {
    return account;
  }

  @Override
  public long keyId() {
    return 0;
  }

  @Override
  public long accountId() {
    return account.id();
  }

  @Override
  public String describe() {
    return "Claude account '" + account.name() + "'";
  }

  @Override
  public void authorize(ProviderKind kind, Map<String, List<String>> headers) {
    if (account.authType() == AccountAuthType.OAUTH) {
      UpstreamHeaders.applyOAuthToken(credential, headers);
    } else {
      UpstreamHeaders.applyApiKey(ProviderKind.ANTHROPIC, credential, headers);
    }
  }

  @Override
  public void answered(java.net.http.HttpHeaders headers) {
    pool.observeWindows(account, headers);
  }

  @Override
  public void succeeded() {
    if (outcomeRecorded.compareAndSet(false, true)) {
      account.successes.incrementAndGet();
    }
  }

  @Override
  public void failed(ErrorClassification classification) {
    failed(
        classification.errorClass(), classification.untilEpochMillis(), classification.message());
  }

  @Override
  public void failed(ErrorClass errorClass, long untilMillis, String reason) {
    if (!outcomeRecorded.compareAndSet(false, true)) {
      return;
    }
    if (errorClass == ErrorClass.CLIENT_ERROR) {
      // The request was wrong, not the account.
      account.successes.incrementAndGet();
      return;
    }
    account.recordError(reason, pool.now());
    switch (errorClass) {
      case RATE_LIMITED ->
          pool.limited(account, untilMillis, AccountPool.DEFAULT_COOLDOWN.toMillis(), reason);
      case QUOTA_EXHAUSTED ->
          pool.limited(account, untilMillis, AccountPool.DEFAULT_EXHAUSTION.toMillis(), reason);
      case KEY_INVALID -> pool.refused(account, "the upstream refused the account: " + reason);
      default -> {
        // OVERLOADED, UPSTREAM_ERROR: the upstream's trouble, not the account's.
      }
    }
  }

  /**
   * An OAuth account whose token the upstream refused: when another request refreshed it since this
   * lease was taken, the new token may be tried at once; otherwise one refresh runs for everyone.
   */
  @Override
  public CompletionStage<Boolean> renewAfterRefusal(String reason) {
    if (account.authType() != AccountAuthType.OAUTH || !account.refreshable()) {
      return null;
    }
    if (outcomeRecorded.compareAndSet(false, true)) {
      account.recordError("token refused: " + reason, pool.now());
    }
    if (account.credentialVersion() != credentialVersion) {
      return CompletableFuture.completedFuture(true);
    }
    return pool.refresh(account, "the upstream refused the access token");
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      account.release();
    }
  }
}
