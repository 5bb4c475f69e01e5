package dev.clauderelay.gateway.infrastructure.crypto;

import dev.clauderelay.gateway.domain.model.setting.SettingRepository;
import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import dev.clauderelay.gateway.infrastructure.config.StartupFailure;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The one place secrets are encrypted and decrypted. At startup it checks that the master key is
 * the one that encrypted this database's secrets, so a lost or swapped key stops the relay with a
 * plain message instead of failing one request at a time.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class EncryptionService {

  private static final Logger LOG = Logger.getLogger(EncryptionService.class.getName());
  private static final String KEY_CHECK_PLAINTEXT = "claude-relay master key check";

  @Inject private RelayConfig config;
  @Inject private SettingRepository settings;

  private SecretCipher cipher;

  @PostConstruct
  void init() {
    boolean fromEnvironment = config.masterKey().isPresent();
    cipher =
        new SecretCipher(
            fromEnvironment
                ? MasterKey.fromConfiguredValue(config.masterKey().get())
                : MasterKey.fromKeyFile(config.dataDir()));
    String check =
        settings.putIfAbsent(
            SettingRepository.MASTER_KEY_CHECK, cipher.encrypt(KEY_CHECK_PLAINTEXT));
    try {
      if (!KEY_CHECK_PLAINTEXT.equals(cipher.decrypt(check))) {
        throw new SecretCipher.SecretDecryptionException("key check mismatch");
      }
    } catch (SecretCipher.SecretDecryptionException e) {
      throw StartupFailure.report(
          new IllegalStateException(
              "The master key ("
                  + (fromEnvironment
                      ? "RELAY_MASTER_KEY"
                      : config.dataDir().resolve(MasterKey.KEY_FILE_NAME).toString())
                  + ") is not the key that encrypted this database's secrets. Restore the original"
                  + " key; secrets encrypted with it cannot be read otherwise."));
    }
    LOG.info(
        fromEnvironment
            ? "Secrets at rest are encrypted with RELAY_MASTER_KEY"
            : "Secrets at rest are encrypted with the key file in the data directory");
  }

  public String encrypt(String secret) {
    return cipher.encrypt(secret);
  }

  public String decrypt(String stored) {
    return cipher.decrypt(stored);
  }
}
