package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.gateway.application.admin.AdminActor;
import dev.clauderelay.gateway.application.admin.Audit;
import dev.clauderelay.gateway.application.admin.ConflictException;
import dev.clauderelay.gateway.application.admin.NotFoundException;
import dev.clauderelay.gateway.application.topology.TopologyChanged;
import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.gateway.domain.model.provider.Provider;
import dev.clauderelay.gateway.domain.model.provider.ProviderKey;
import dev.clauderelay.gateway.domain.model.provider.ProviderRepository;
import dev.clauderelay.gateway.infrastructure.crypto.EncryptionService;
import dev.clauderelay.gateway.infrastructure.crypto.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The database side of the admin's key pool changes, each in one transaction with its audit entry:
 * what an admin did is stored when the call returns, whatever happens to the process after. Every
 * change fires one {@link TopologyChanged}; the pool takes it from the rebuild that follows the
 * commit (one rebuild per transaction, however many keys it touched).
 */
@ApplicationScoped
@Transactional
public class KeyPoolWrites {

  @Inject private ProviderRepository providers;
  @Inject private EncryptionService encryption;
  @Inject private Audit audit;
  @Inject private Event<TopologyChanged> changed;

  Provider provider(long providerId) {
    return providers
        .find(providerId)
        .orElseThrow(() -> new NotFoundException("No provider with id " + providerId + "."));
  }

  /** The key, if it belongs to the provider. */
  ProviderKey key(long providerId, long keyId) {
    return providers
        .findKey(keyId)
        .filter(k -> k.providerId() == providerId)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Provider " + providerId + " has no key with id " + keyId + "."));
  }

  /**
   * Adds one key, already checked for its format.
   *
   * @throws ConflictException when the pool holds this key already
   */
  ProviderKey insert(long providerId, String secret, NewKey settings, AdminActor actor) {
    Provider provider = provider(providerId);
    String fingerprint = Secrets.sha256Hex(secret);
    if (providers.findKeyByFingerprint(providerId, fingerprint).isPresent()) {
      throw new ConflictException(
          "Provider '"
              + provider.name()
              + "' has this key already ("
              + Secrets.mask(secret)
              + ").");
    }
    ProviderKey key = newKey(providerId, secret, fingerprint, settings);
    key = providers.saveKey(key);
    audit.record(
        actor,
        "provider-key.add",
        "provider-key",
        key.id(),
        "provider=" + provider.name() + " key=" + key.masked());
    changed.fire(new TopologyChanged("key added to " + provider.name()));
    return key;
  }

  /**
   * Adds many keys at once (checked for format and duplicates by the caller), in a few multi-row
   * statements and one audit entry.
   *
   * @return the new keys' ids by fingerprint
   */
  Map<String, Long> insertMany(
      long providerId, List<String> secrets, List<NewKey> settings, AdminActor actor) {
    Provider provider = provider(providerId);
    List<ProviderKey> keys = new ArrayList<>(secrets.size());
    for (int i = 0; i < secrets.size(); i++) {
      String secret = secrets.get(i);
      keys.add(newKey(providerId, secret, Secrets.sha256Hex(secret), settings.get(i)));
    }
    Map<String, Long> ids = providers.insertKeys(providerId, keys);
    audit.record(
        actor,
        "provider-key.batch-add",
        "provider",
        providerId,
        "provider="
            + provider.name()
            + " added="
            + keys.size()
            + " keys="
            + keys.stream().limit(5).map(ProviderKey::masked).collect(Collectors.joining(","))
            + (keys.size() > 5 ? ",..." : ""));
    changed.fire(new TopologyChanged(keys.size() + " key(s) imported into " + provider.name()));
    return ids;
  }

  /** Known fingerprints of the pool, for checking a batch in one query. */
  java.util.Set<String> fingerprints(long providerId) {
    provider(providerId);
    return providers.keyFingerprints(providerId);
  }

  ProviderKey update(
      long providerId, long keyId, KeyChange change, KeyStatus status, AdminActor actor) {
    ProviderKey key = key(providerId, keyId);
    String label =
        change.label() == null
            ? key.label()
            : change.label().isBlank() ? null : change.label().strip();
    int weight = change.weight() == null ? key.weight() : change.weight();
    key.label(label, weight);
    Integer rpm = change.rpmLimit() == null ? key.rpmLimit() : positiveOrNull(change.rpmLimit());
    Integer concurrency =
        change.concurrencyLimit() == null
            ? key.concurrencyLimit()
            : positiveOrNull(change.concurrencyLimit());
    key.limits(rpm, concurrency);
    ProviderKey saved = providers.saveKey(key);
    if (status != null) {
      providers.decideKeyStatus(providerId, List.of(keyId), status, statusReason(status, actor));
    }
    audit.record(
        actor,
        "provider-key.update",
        "provider-key",
        keyId,
        "key="
            + key.masked()
            + (status == null ? "" : " status=" + status.name().toLowerCase())
            + " label="
            + label
            + " weight="
            + weight
            + " rpmLimit="
            + rpm
            + " concurrencyLimit="
            + concurrency);
    changed.fire(new TopologyChanged("key " + keyId + " changed"));
    return saved;
  }

  void delete(long providerId, long keyId, AdminActor actor) {
    ProviderKey key = key(providerId, keyId);
    providers.deleteKey(key);
    audit.record(actor, "provider-key.delete", "provider-key", keyId, "key=" + key.masked());
    changed.fire(new TopologyChanged("key " + keyId + " deleted"));
  }

  /** Enables or disables keys of the provider; returns the ids it changed. */
  List<Long> decideStatus(
      long providerId, Collection<Long> keyIds, KeyStatus status, AdminActor actor) {
    provider(providerId);
    List<Long> done =
        providers.decideKeyStatus(providerId, keyIds, status, statusReason(status, actor));
    if (!done.isEmpty()) {
      audit.record(
          actor,
          status == KeyStatus.DISABLED ? "provider-key.batch-disable" : "provider-key.batch-enable",
          "provider",
          providerId,
          "keys=" + describeIds(done));
      changed.fire(
          new TopologyChanged(done.size() + " key(s) of provider " + providerId + " " + status));
    }
    return done;
  }

  /** Deletes keys of the provider; returns the ids it deleted. */
  List<Long> deleteMany(long providerId, Collection<Long> keyIds, AdminActor actor) {
    provider(providerId);
    List<Long> done = providers.deleteKeys(providerId, keyIds);
    if (!done.isEmpty()) {
      audit.record(
          actor, "provider-key.batch-delete", "provider", providerId, "keys=" + describeIds(done));
      changed.fire(
          new TopologyChanged(done.size() + " key(s) of provider " + providerId + " deleted"));
    }
    return done;
  }

  private ProviderKey newKey(long providerId, String secret, String fingerprint, NewKey settings) {
    ProviderKey key =
        new ProviderKey(providerId, encryption.encrypt(secret), fingerprint, Secrets.mask(secret));
    key.label(
        settings.label() == null || settings.label().isBlank() ? null : settings.label().strip(),
        settings.weight() == null ? 1 : settings.weight());
    key.limits(positiveOrNull(settings.rpmLimit()), positiveOrNull(settings.concurrencyLimit()));
    return key;
  }

  private static Integer positiveOrNull(Integer value) {
    return value == null || value <= 0 ? null : value;
  }

  private static String statusReason(KeyStatus status, AdminActor actor) {
    return (status == KeyStatus.DISABLED ? "disabled" : "enabled") + " by " + actor.name();
  }

  private static String describeIds(List<Long> ids) {
    String shown = ids.stream().limit(20).map(String::valueOf).collect(Collectors.joining(","));
    return ids.size() > 20 ? shown + ",... (" + ids.size() + ")" : shown;
  }
}
