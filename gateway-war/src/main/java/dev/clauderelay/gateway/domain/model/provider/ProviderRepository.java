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

  /** The fingerprints of a pool's keys, for checking a batch for duplicates in one query. */
  java.util.Set<String> keyFingerprints(long providerId);

  /**
   * Inserts many new keys of one provider in a few multi-row statements (an import of 10,000 keys
   * must not cost 10,000 round trips), and returns their ids by fingerprint.
   */
  java.util.Map<String, Long> insertKeys(long providerId, List<ProviderKey> keys);

  /**
   * An admin decides the status of some keys of a provider (a new admin revision for each); keys of
   * other providers are left alone. Re-enabling lifts the keys' per-model limits too.
   *
   * @return the ids of the keys changed
   */
  List<Long> decideKeyStatus(
      long providerId, java.util.Collection<Long> keyIds, KeyStatus status, String reason);

  /**
   * Deletes some keys of a provider; keys of other providers are left alone.
   *
   * @return the ids of the keys deleted
   */
  List<Long> deleteKeys(long providerId, java.util.Collection<Long> keyIds);
}
