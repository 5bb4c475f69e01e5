package dev.clauderelay.gateway.application.admin;

import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import dev.clauderelay.gateway.infrastructure.config.StartupFailure;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Applies {@code RELAY_CONFIG_FILE} at startup, idempotently: providers, routes and client keys are
 * created or updated by name (routes by scenario and match), keys added to pools when missing; what
 * the file does not name is left alone. All or nothing, in one transaction; a malformed file stops
 * startup with a message naming the file, the path in it and the problem.
 */
@Singleton
@Startup
@DependsOn("TopologyService")
@TransactionManagement(TransactionManagementType.BEAN)
public class ConfigurationFileLoader {

  private static final Logger LOG = Logger.getLogger(ConfigurationFileLoader.class.getName());

  @Inject private RelayConfig config;
  @Inject private ConfigurationApplier applier;
  @jakarta.annotation.Resource private UserTransaction transaction;

  @PostConstruct
  void start() {
    try {
      load();
    } catch (RuntimeException e) {
      throw StartupFailure.report(e);
    }
  }

  private void load() {
    Optional<String> file = config.optional("RELAY_CONFIG_FILE");
    if (file.isEmpty()) {
      return;
    }
    Path path = Path.of(file.get()).toAbsolutePath();
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Configuration file " + path + " cannot be read: " + e.getMessage());
    }
    ConfigurationFile parsed;
    try {
      parsed = ConfigurationFile.parse(text);
    } catch (ConfigurationFile.Invalid e) {
      throw new IllegalStateException("Configuration file " + path + ": " + e.getMessage());
    }
    try {
      transaction.begin();
      ConfigurationApplier.Summary summary =
          applier.apply(parsed, AdminActor.system("config-file"));
      transaction.commit();
      LOG.info(() -> "Applied configuration file " + path + ": " + summary);
    } catch (InvalidInputException | ConflictException | NotFoundException e) {
      rollback();
      throw new IllegalStateException("Configuration file " + path + ": " + e.getMessage());
    } catch (Exception e) {
      rollback();
      throw new IllegalStateException(
          "Configuration file " + path + " could not be applied: " + e, e);
    }
  }

  private void rollback() {
    try {
      transaction.rollback();
    } catch (Exception ignored) {
      // nothing was committed
    }
  }
}
