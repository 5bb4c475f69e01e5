package dev.clauderelay.gateway.application.admin;

import dev.clauderelay.admin.api.ClientKeyBudget;
import dev.clauderelay.gateway.application.routing.ModelPattern;
import dev.clauderelay.gateway.application.topology.TopologyChanged;
import dev.clauderelay.gateway.domain.model.clientkey.ClientKey;
import dev.clauderelay.gateway.domain.model.clientkey.ClientKeyRepository;
import dev.clauderelay.gateway.domain.shared.KeyFormat;
import dev.clauderelay.gateway.infrastructure.crypto.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Issues, limits and revokes the keys clients use; only their hashes are kept. */
@ApplicationScoped
@Transactional
public class ClientKeyAdminService {

  /** A key as created: the clear key is in this value and nowhere else, ever. */
  public record IssuedKey(ClientKey key, String clearKey) {}

  @Inject private ClientKeyRepository keys;
  @Inject private Audit audit;
  @Inject private Event<TopologyChanged> changed;

  public List<ClientKey> list() {
    return keys.all();
  }

  public ClientKey get(long id) {
    return keys.find(id)
        .orElseThrow(() -> new NotFoundException("No client key with id " + id + "."));
  }

  public IssuedKey create(ClientKeyInput input, AdminActor actor) {
    String name = requireName(input.name());
    if (keys.findByName(name).isPresent()) {
      throw new ConflictException("A client key named '" + name + "' exists already.");
    }
    String clear =
        input.key() != null
            ? KeyFormat.CLIENT_KEY.require(input.key(), InvalidInputException::ofKey)
            : "rk-" + Secrets.randomToken(30);
    ClientKey key = new ClientKey(name, Secrets.sha256Hex(clear), Secrets.mask(clear));
    applyLimits(key, input);
    key = keys.save(key);
    audit.record(
        actor,
        "client-key.create",
        "client-key",
        key.id(),
        "name=" + name + " key=" + key.masked());
    changed.fire(new TopologyChanged("client key " + name + " created"));
    return new IssuedKey(key, clear);
  }

  public ClientKey update(long id, ClientKeyInput input, AdminActor actor) {
    ClientKey key = get(id);
    applyLimits(key, input);
    ClientKey saved = keys.save(key);
    audit.record(
        actor,
        "client-key.update",
        "client-key",
        id,
        "name="
            + key.name()
            + " enabled="
            + key.enabled()
            + (input.budget() == null ? "" : " budget=" + budgetText(key)));
    changed.fire(new TopologyChanged("client key " + key.name() + " changed"));
    return saved;
  }

  /** Creates the key, or brings the one of the same name in line; for the configuration file. */
  public ClientKey upsert(ClientKeyInput input, AdminActor actor) {
    Optional<ClientKey> existing =
        input.name() == null ? Optional.empty() : keys.findByName(input.name().strip());
    if (existing.isEmpty()) {
      return create(input, actor).key();
    }
    ClientKey key = existing.get();
    if (input.key() != null) {
      String clear = KeyFormat.CLIENT_KEY.require(input.key(), InvalidInputException::ofKey);
      key.rekey(Secrets.sha256Hex(clear), Secrets.mask(clear));
    }
    return update(key.id(), input, actor);
  }

  public void delete(long id, AdminActor actor) {
    ClientKey key = get(id);
    keys.delete(key);
    audit.record(actor, "client-key.delete", "client-key", id, "name=" + key.name());
    changed.fire(new TopologyChanged("client key " + key.name() + " deleted"));
  }

  private static void applyLimits(ClientKey key, ClientKeyInput input) {
    List<String> models = input.models() != null ? input.models() : key.allowedModels();
    if (models.isEmpty()) {
      throw new InvalidInputException(
          "models", "must allow at least one model or pattern (\"*\" for all)");
    }
    for (String model : models) {
      try {
        new ModelPattern(model);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("models", e.getMessage());
      }
    }
    Integer rpm = input.rpmLimit() != null ? input.rpmLimit() : key.rpmLimit();
    if (rpm != null && (rpm < 0 || rpm > 1_000_000)) {
      throw new InvalidInputException("rpmLimit", "must be between 0 (no limit) and 1000000");
    }
    LocalDateTime expiry =
        input.expiresAt() != null
            ? LocalDateTime.ofInstant(input.expiresAt(), ZoneOffset.UTC)
            : key.expiresAt();
    boolean enabled = input.enabled() != null ? input.enabled() : key.enabled();
    if (input.budget() != null) {
      applyBudget(key, input.budget());
    }
    key.limit(
        enabled,
        models.stream().map(String::strip).toList(),
        rpm == null || rpm == 0 ? null : rpm,
        expiry);
  }

  private static String budgetText(ClientKey key) {
    return "day:"
        + key.dailyCostLimit()
        + "/"
        + key.dailyTokenLimit()
        + " week:"
        + key.weeklyCostLimit()
        + "/"
        + key.weeklyTokenLimit()
        + " month:"
        + key.monthlyCostLimit()
        + "/"
        + key.monthlyTokenLimit()
        + " concurrency:"
        + key.concurrencyLimit();
  }

  private static void applyBudget(ClientKey key, ClientKeyBudget budget) {
    key.budget(
        amount("budget.dailyCost", budget.dailyCost()),
        amount("budget.weeklyCost", budget.weeklyCost()),
        amount("budget.monthlyCost", budget.monthlyCost()),
        count("budget.dailyTokens", budget.dailyTokens()),
        count("budget.weeklyTokens", budget.weeklyTokens()),
        count("budget.monthlyTokens", budget.monthlyTokens()),
        budget.concurrency() == null || budget.concurrency() == 0
            ? null
            : (int) (long) count("budget.concurrency", (long) budget.concurrency()));
    if (key.concurrencyLimit() != null && key.concurrencyLimit() > 100_000) {
      throw new InvalidInputException("budget.concurrency", "must be at most 100000");
    }
  }

  /** A cost limit: 0 or absent for none; at most 6 decimals and a trillion. */
  private static BigDecimal amount(String field, BigDecimal value) {
    if (value == null || value.signum() == 0) {
      return null;
    }
    if (value.signum() < 0) {
      throw new InvalidInputException(field, "must not be negative (0 or absent: no limit)");
    }
    if (value.stripTrailingZeros().scale() > 6) {
      throw new InvalidInputException(field, "must have at most 6 decimals");
    }
    if (value.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
      throw new InvalidInputException(field, "must be at most 1000000000");
    }
    return value.setScale(6, java.math.RoundingMode.UNNECESSARY);
  }

  private static Long count(String field, Long value) {
    if (value == null || value == 0) {
      return null;
    }
    if (value < 0) {
      throw new InvalidInputException(field, "must not be negative (0 or absent: no limit)");
    }
    return value;
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name", "required");
    }
    String trimmed = name.strip();
    if (trimmed.length() > 100) {
      throw new InvalidInputException("name", "must be at most 100 characters");
    }
    return trimmed;
  }
}
