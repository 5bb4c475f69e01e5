package dev.clauderelay.gateway.infrastructure.persistence.jpa;

import dev.clauderelay.gateway.domain.model.setting.Setting;
import dev.clauderelay.gateway.domain.model.setting.SettingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Settings in the {@code relay_setting} table. */
@ApplicationScoped
@Transactional
public class JpaSettingRepository implements SettingRepository {

  @PersistenceContext(unitName = "relay")
  private EntityManager em;

  @Override
  public Optional<String> find(String name) {
    return Optional.ofNullable(em.find(Setting.class, name)).map(Setting::value);
  }

  @Override
  public void put(String name, String value) {
    Setting setting = em.find(Setting.class, name);
    if (setting == null) {
      em.persist(new Setting(name, value));
    } else {
      setting.change(value);
    }
  }

  @Override
  public String putIfAbsent(String name, String value) {
    // INSERT IGNORE: two relays starting on one database agree on the first value written.
    em.createNativeQuery(
            "INSERT IGNORE INTO relay_setting (name, value, updated_at) VALUES (?1, ?2, ?3)")
        .setParameter(1, name)
        .setParameter(2, value)
        .setParameter(3, LocalDateTime.now(ZoneOffset.UTC))
        .executeUpdate();
    return (String)
        em.createNativeQuery("SELECT value FROM relay_setting WHERE name = ?1")
            .setParameter(1, name)
            .getSingleResult();
  }
}
