package dev.clauderelay.gateway.application.account;

import dev.clauderelay.gateway.domain.model.account.AccountAuthType;
import dev.clauderelay.gateway.domain.model.account.AccountStatus;

/**
 * A Claude account as the database holds it, for {@link AccountPool#sync}. Times are epoch
 * milliseconds, 0 when unset.
 *
 * @param credentialVersion changes whenever the stored credential (access token or API key)
 *     changes, so the pool decrypts only new credentials; 0 when the account has none
 * @param usageWindows the last stored {@link UnifiedWindows} as JSON, or {@code null}
 */
public record AccountSnapshot(
    long id,
    String name,
    AccountAuthType authType,
    AccountStatus status,
    String statusReason,
    int credentialVersion,
    String masked,
    boolean refreshable,
    long expiresAtMillis,
    long rateLimitedUntilMillis,
    long lastLimitedMillis,
    long updatedAtMillis,
    String usageWindows) {

  /** An account without a stored report of its usage windows. */
  public AccountSnapshot(
      long id,
      String name,
      AccountAuthType authType,
      AccountStatus status,
      String statusReason,
      int credentialVersion,
      String masked,
      boolean refreshable,
      long expiresAtMillis,
      long rateLimitedUntilMillis,
      long lastLimitedMillis,
      long updatedAtMillis) {
    this(
        id,
        name,
        authType,
        status,
        statusReason,
        credentialVersion,
        masked,
        refreshable,
        expiresAtMillis,
        rateLimitedUntilMillis,
        lastLimitedMillis,
        updatedAtMillis,
        null);
  }
}
