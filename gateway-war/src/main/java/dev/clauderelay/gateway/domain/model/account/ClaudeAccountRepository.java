package dev.clauderelay.gateway.domain.model.account;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** Claude accounts. */
public interface ClaudeAccountRepository {

  List<ClaudeAccount> all();

  Optional<ClaudeAccount> find(long id);

  Optional<ClaudeAccount> findByName(String name);

  ClaudeAccount save(ClaudeAccount account);

  void delete(ClaudeAccount account);

  /**
   * Records a rate limit the request path saw, unless the account is out of use for another reason
   * (expired, error, pending); never fails on a concurrent change of the account.
   *
   * @return whether the account was updated
   */
  boolean recordLimit(long id, LocalDateTime until, LocalDateTime at, String reason);

  /**
   * Marks the account refused by the upstream ({@link AccountStatus#ERROR} with the reason) unless
   * it is out of use already.
   *
   * @return whether the account was updated
   */
  boolean recordRefusal(long id, String reason);
}
