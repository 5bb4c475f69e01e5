package dev.clauderelay.gateway.domain.model.clientkey;

import java.util.List;
import java.util.Optional;

/** Client keys. */
public interface ClientKeyRepository {

  List<ClientKey> all();

  Optional<ClientKey> find(long id);

  Optional<ClientKey> findByName(String name);

  ClientKey save(ClientKey key);

  void delete(ClientKey key);
}
