package dev.clauderelay.gateway.application.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clauderelay.admin.api.PriceRequest;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Applies {@code RELAY_PRICES_FILE} at startup: each entry sets the price of its model pattern
 * (created or changed; prices the file does not name stay). All or nothing, in one transaction; a
 * malformed file stops startup with a message naming the file, the entry and the problem.
 *
 * <p>The file is JSON: {@code {"prices": [{"model": "claude-sonnet-4*", "inputPerMtok": 3,
 * "outputPerMtok": 15, "cacheWritePerMtok": 3.75, "cacheReadPerMtok": 0.3, "currency": "USD"}]}},
 * each entry a {@link PriceRequest}.
 */
@Singleton
@Startup
@DependsOn("TopologyService")
@TransactionManagement(TransactionManagementType.BEAN)
public class PricesFileLoader {

  private static final Logger LOG = Logger.getLogger(PricesFileLoader.class.getName());
  static final long MAX_BYTES = 1024 * 1024;
  static final int MAX_ENTRIES = 10_000;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Inject private RelayConfig config;
  @Inject private PriceAdminService prices;
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
    Optional<String> file = config.optional("RELAY_PRICES_FILE");
    if (file.isEmpty() || file.get().isBlank()) {
      return;
    }
    Path path = Path.of(file.get()).toAbsolutePath();
    List<PriceRequest> entries;
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw new IllegalStateException(
            "Prices file " + path + " is larger than " + MAX_BYTES + " bytes");
      }
      entries = parse(Files.readAllBytes(path));
    } catch (IOException e) {
      throw new IllegalStateException("Prices file " + path + " cannot be read: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Prices file " + path + ": " + e.getMessage());
    }
    int index = 0;
    try {
      transaction.begin();
      for (PriceRequest entry : entries) {
        prices.upsert(entry, AdminActor.system("prices-file"));
        index++;
      }
      transaction.commit();
      LOG.info(() -> "Applied prices file " + path + ": " + entries.size() + " price(s)");
    } catch (InvalidInputException | ConflictException e) {
      rollback();
      throw new IllegalStateException(
          "Prices file " + path + ", prices[" + index + "]: " + e.getMessage());
    } catch (Exception e) {
      rollback();
      throw new IllegalStateException("Prices file " + path + " could not be applied: " + e, e);
    }
  }

  /** The file's entries: {@code {"prices": [...]}} or a bare array. */
  static List<PriceRequest> parse(byte[] bytes) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    JsonNode list = root != null && root.isObject() ? root.path("prices") : root;
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("expected {\"prices\": [...]} or an array of prices");
    }
    if (list.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException("more than " + MAX_ENTRIES + " prices");
    }
    List<PriceRequest> entries = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      try {
        entries.add(JSON.treeToValue(list.get(i), PriceRequest.class));
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "prices[" + i + "]: " + e.getMessage().lines().findFirst().orElse("invalid"));
      }
    }
    return entries;
  }

  private void rollback() {
    try {
      transaction.rollback();
    } catch (Exception ignored) {
      // nothing was committed
    }
  }
}
