package dev.clauderelay.gateway.domain.model.account;

import java.util.List;
import java.util.Optional;

/** Claude accounts. */
public interface ClaudeAccountRepository {

  List<ClaudeAccount> all();

  Optional<ClaudeAccount> find(long id);

  Optional<ClaudeAccount> findByName(String name);

  ClaudeAccount save(ClaudeAccount account);

  void delete(ClaudeAccount account);
}
