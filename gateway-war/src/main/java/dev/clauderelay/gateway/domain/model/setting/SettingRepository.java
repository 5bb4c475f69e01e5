package dev.clauderelay.gateway.domain.model.setting;

import java.util.Optional;

/** The relay's named settings. */
public interface SettingRepository {

  /** Well-known setting names. */
  String ADMIN_PASSWORD_HASH = "admin.password-hash";

  String MASTER_KEY_CHECK = "crypto.master-key-check";

  Optional<String> find(String name);

  /** Sets {@code name} to {@code value}, creating it when absent. */
  void put(String name, String value);

  /**
   * Sets {@code name} to {@code value} only if it has no value yet.
   *
   * @return the value now stored: {@code value}, or the one that was there first
   */
  String putIfAbsent(String name, String value);
}
