package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.domain.model.provider.ProviderKind;
import dev.clauderelay.plugin.api.ErrorClass;
import dev.clauderelay.plugin.api.ErrorClassification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * One attempt's hold on a credential, whichever kind it is: a provider key ({@link KeyLease}) or a
 * Claude account. The attempt's outcome goes back to the credential's state; close it in every
 * path, closing twice is harmless and only the first outcome counts.
 */
public interface CredentialLease extends AutoCloseable {

  /** The provider key's id; 0 when an account is leased. */
  long keyId();

  /** The Claude account's id; 0 when a provider key is leased. */
  long accountId();

  /** How messages name the credential: {@code key sk-ant-...abcd}, never the secret. */
  String describe();

  /** Puts the credential on an upstream request's headers, the way {@code kind} expects. */
  void authorize(ProviderKind kind, Map<String, List<String>> headers);

  /** The upstream answered the request successfully. */
  void succeeded();

  /** The attempt failed as {@code classification} says. */
  void failed(ErrorClassification classification);

  /**
   * The attempt failed.
   *
   * @param untilMillis for rate limits and used-up quotas, when the credential is usable again; 0
   *     when unknown
   * @param reason a short description for admins, never a secret
   */
  void failed(ErrorClass errorClass, long untilMillis, String reason);

  /**
   * The upstream refused the credential: renews it when it can (an OAuth account refreshes its
   * token, once for all the requests that saw the refusal), completing with whether the renewed
   * credential may be tried; {@code null} when it cannot be renewed.
   */
  default CompletionStage<Boolean> renewAfterRefusal(String reason) {
    return null;
  }

  @Override
  void close();

  /** The upstream answered this attempt with these headers (any status); nothing by default. */
  default void answered(java.net.http.HttpHeaders headers) {}
}
