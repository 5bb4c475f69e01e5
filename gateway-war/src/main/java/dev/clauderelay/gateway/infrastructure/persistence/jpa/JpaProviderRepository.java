package dev.clauderelay.gateway.infrastructure.persistence.jpa;

import dev.clauderelay.gateway.domain.model.provider.KeyStatus;
import dev.clauderelay.gateway.domain.model.provider.Provider;
import dev.clauderelay.gateway.domain.model.provider.ProviderKey;
import dev.clauderelay.gateway.domain.model.provider.ProviderRepository;
import dev.clauderelay.gateway.infrastructure.persistence.RelayDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** Providers and keys in the {@code provider} and {@code provider_key} tables. */
@ApplicationScoped
@Transactional
public class JpaProviderRepository implements ProviderRepository {

  @PersistenceContext(unitName = "relay")
  private EntityManager em;

  @Resource(lookup = RelayDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Override
  public List<Provider> all() {
    return em.createQuery("SELECT p FROM Provider p ORDER BY p.id", Provider.class).getResultList();
  }

  @Override
  public Optional<Provider> find(long id) {
    return Optional.ofNullable(em.find(Provider.class, id));
  }

  @Override
  public Optional<Provider> findByName(String name) {
    return em.createQuery("SELECT p FROM Provider p WHERE p.name = :name", Provider.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Provider save(Provider provider) {
    if (provider.id() == null) {
      em.persist(provider);
      em.flush();
      return provider;
    }
    return em.merge(provider);
  }

  @Override
  public void delete(Provider provider) {
    em.createQuery("DELETE FROM ProviderKey k WHERE k.providerId = :id")
        .setParameter("id", provider.id())
        .executeUpdate();
    em.remove(em.contains(provider) ? provider : em.merge(provider));
  }

  @Override
  public List<ProviderKey> keys(long providerId) {
    return em.createQuery(
            "SELECT k FROM ProviderKey k WHERE k.providerId = :id ORDER BY k.id", ProviderKey.class)
        .setParameter("id", providerId)
        .getResultList();
  }

  @Override
  public List<ProviderKey> allKeys() {
    return em.createQuery("SELECT k FROM ProviderKey k ORDER BY k.id", ProviderKey.class)
        .getResultList();
  }

  @Override
  public Optional<ProviderKey> findKey(long keyId) {
    return Optional.ofNullable(em.find(ProviderKey.class, keyId));
  }

  @Override
  public Optional<ProviderKey> findKeyByFingerprint(long providerId, String fingerprint) {
    return em.createQuery(
            "SELECT k FROM ProviderKey k WHERE k.providerId = :id AND k.secretFingerprint = :f",
            ProviderKey.class)
        .setParameter("id", providerId)
        .setParameter("f", fingerprint)
        .getResultStream()
        .findFirst();
  }

  @Override
  public ProviderKey saveKey(ProviderKey key) {
    if (key.id() == null) {
      em.persist(key);
      em.flush();
      return key;
    }
    return em.merge(key);
  }

  @Override
  public void deleteKey(ProviderKey key) {
    em.remove(em.contains(key) ? key : em.merge(key));
  }

  /** Rows per multi-row statement: well under MariaDB's packet and placeholder limits. */
  private static final int CHUNK = 500;

  @Override
  public Set<String> keyFingerprints(long providerId) {
    return new HashSet<>(
        em.createQuery(
                "SELECT k.secretFingerprint FROM ProviderKey k WHERE k.providerId = :id",
                String.class)
            .setParameter("id", providerId)
            .getResultList());
  }

  /**
   * A JDBC batch on the transaction's own connection (the container shares one connection per
   * resource within a JTA transaction), which the driver sends in one round trip per few hundred
   * rows; a JPA native query with thousands of positional parameters spent seconds just binding.
   */
  @Override
  public Map<String, Long> insertKeys(long providerId, List<ProviderKey> keys) {
    Map<String, Long> ids = new HashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO provider_key (provider_id, secret_ciphertext, secret_fingerprint,"
                  + " masked, label, weight, status, rpm_limit, concurrency_limit, created_at,"
                  + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (ProviderKey key : keys) {
          Timestamp created = Timestamp.valueOf(key.createdAt());
          insert.setLong(1, providerId);
          insert.setString(2, key.secretCiphertext());
          insert.setString(3, key.secretFingerprint());
          insert.setString(4, key.masked());
          insert.setString(5, key.label());
          insert.setInt(6, key.weight());
          insert.setString(7, key.status().name());
          setInteger(insert, 8, key.rpmLimit());
          setInteger(insert, 9, key.concurrencyLimit());
          insert.setTimestamp(10, created);
          insert.setTimestamp(11, created);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      List<String> fingerprints = keys.stream().map(ProviderKey::secretFingerprint).toList();
      for (int from = 0; from < fingerprints.size(); from += CHUNK) {
        List<String> chunk =
            fingerprints.subList(from, Math.min(fingerprints.size(), from + CHUNK));
        try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT secret_fingerprint, id FROM provider_key WHERE provider_id = ?"
                    + " AND secret_fingerprint IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                    + ")")) {
          select.setLong(1, providerId);
          for (int i = 0; i < chunk.size(); i++) {
            select.setString(i + 2, chunk.get(i));
          }
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              ids.put(rows.getString(1), rows.getLong(2));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException(
          "Inserting " + keys.size() + " key(s) failed: " + e.getMessage(), e);
    }
    return ids;
  }

  private static void setInteger(PreparedStatement statement, int index, Integer value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, value);
    }
  }

  @Override
  public List<Long> decideKeyStatus(
      long providerId, Collection<Long> keyIds, KeyStatus status, String reason) {
    List<Long> changed = ownKeys(providerId, keyIds);
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    for (List<Long> chunk : chunks(changed)) {
      em.createQuery(
              "UPDATE ProviderKey k SET k.status = :s, k.statusUntil = NULL, k.statusReason = :r,"
                  + " k.adminRevision = k.adminRevision + 1, k.updatedAt = :now"
                  + " WHERE k.id IN :ids")
          .setParameter("s", status)
          .setParameter("r", reason)
          .setParameter("now", now)
          .setParameter("ids", chunk)
          .executeUpdate();
      if (status == KeyStatus.ACTIVE) {
        Query lift =
            em.createNativeQuery(
                "DELETE FROM provider_key_model_state WHERE key_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                    + ")");
        for (int i = 0; i < chunk.size(); i++) {
          lift.setParameter(i + 1, chunk.get(i));
        }
        lift.executeUpdate();
      }
    }
    return changed;
  }

  @Override
  public List<Long> deleteKeys(long providerId, Collection<Long> keyIds) {
    List<Long> deleted = ownKeys(providerId, keyIds);
    for (List<Long> chunk : chunks(deleted)) {
      em.createQuery("DELETE FROM ProviderKey k WHERE k.id IN :ids")
          .setParameter("ids", chunk)
          .executeUpdate();
    }
    return deleted;
  }

  /** Which of {@code keyIds} belong to the provider. */
  private List<Long> ownKeys(long providerId, Collection<Long> keyIds) {
    List<Long> own = new ArrayList<>();
    for (List<Long> chunk : chunks(new ArrayList<>(new LinkedHashSet<>(keyIds)))) {
      own.addAll(
          em.createQuery(
                  "SELECT k.id FROM ProviderKey k WHERE k.providerId = :p AND k.id IN :ids"
                      + " ORDER BY k.id",
                  Long.class)
              .setParameter("p", providerId)
              .setParameter("ids", chunk)
              .getResultList());
    }
    return own;
  }

  private static List<List<Long>> chunks(List<Long> ids) {
    List<List<Long>> chunks = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
    }
    return chunks;
  }
}
