package dev.clauderelay.gateway.domain.model.provider;

import java.util.List;
import java.util.Optional;

/** Providers and their keys. */
public interface ProviderRepository {

  List<Provider> all();

  Optional<Provider> find(long id);

  Optional<Provider> findByName(String name);

  Provider save(Provider provider);

  void delete(Provider provider);

  List<ProviderKey> keys(long providerId);

  List<ProviderKey> allKeys();

  Optional<ProviderKey> findKey(long keyId);

  Optional<ProviderKey> findKeyByFingerprint(long providerId, String fingerprint);

  ProviderKey saveKey(ProviderKey key);

  void deleteKey(ProviderKey key);
}
