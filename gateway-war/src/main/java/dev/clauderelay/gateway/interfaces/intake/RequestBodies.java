package dev.clauderelay.gateway.interfaces.intake;

import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import dev.clauderelay.intake.BodyBudget;
import dev.clauderelay.intake.BodyIntake;
import dev.clauderelay.intake.BodyRead;
import dev.clauderelay.intake.BodyRules;
import dev.clauderelay.intake.RefusalWriter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The gateway's request bodies: their limits (per endpoint kind), the memory all of them may hold
 * at once (half the heap unless {@code RELAY_BODY_BUDGET_BYTES} says otherwise), and refusals in
 * Anthropic's error shape.
 */
@ApplicationScoped
public class RequestBodies {

  private static final Logger LOG = Logger.getLogger(RequestBodies.class.getName());

  /** A sign-in, the only body taken without a session, is a few hundred bytes. */
  public static final long ANONYMOUS_MAX_BYTES = 64 * 1024;

  static final long DEFAULT_CLIENT_MAX_BYTES = 32L * 1024 * 1024;

  /** A batch of 20,000 keys with labels fits, with room to spare. */
  static final long DEFAULT_ADMIN_MAX_BYTES = 16L * 1024 * 1024;

  @Inject private RelayConfig config;
  @Resource private ManagedScheduledExecutorService scheduler;

  private BodyIntake intake;
  private BodyRules clientRules;
  private long adminMaxBytes;

  @PostConstruct
  void start() {
    BodyBudget budget =
        new BodyBudget(setting("RELAY_BODY_BUDGET_BYTES", Runtime.getRuntime().maxMemory() / 2));
    long clientMax = setting("RELAY_MAX_REQUEST_BYTES", DEFAULT_CLIENT_MAX_BYTES);
    adminMaxBytes = setting("RELAY_MAX_ADMIN_REQUEST_BYTES", DEFAULT_ADMIN_MAX_BYTES);
    clientRules =
        new BodyRules(
            clientMax,
            Duration.ofSeconds(setting("RELAY_BODY_IDLE_TIMEOUT_SECONDS", 10)),
            setting("RELAY_BODY_MIN_BYTES_PER_SECOND", 8 * 1024),
            Duration.ofSeconds(10),
            Duration.ofMinutes(5));
    if (clientMax * BodyRead.HELD_COPIES > budget.capacity()) {
      LOG.warning(
          "RELAY_MAX_REQUEST_BYTES ("
              + clientMax
              + ") is more than a third of the memory budget for bodies ("
              + budget.capacity()
              + " bytes): the largest bodies will be refused with 529. Give the relay more heap or"
              + " set RELAY_BODY_BUDGET_BYTES.");
    }
    intake = new BodyIntake(budget, RefusalWriter.anthropicShaped(), scheduler);
  }

  @PreDestroy
  void stop() {
    if (intake != null) {
      intake.close();
    }
  }

  public BodyIntake intake() {
    return intake;
  }

  /** The rules for {@code /v1/messages} bodies. */
  public BodyRules clientRules() {
    return clientRules;
  }

  /** The rules for the admin API's bodies: small without a session, larger with one. */
  public BodyRules adminRules(boolean signedIn) {
    return clientRules.withMaxBytes(signedIn ? adminMaxBytes : ANONYMOUS_MAX_BYTES);
  }

  private long setting(String name, long fallback) {
    return config
        .optional(name)
        .map(
            value -> {
              try {
                long parsed = Long.parseLong(value);
                if (parsed > 0) {
                  return parsed;
                }
              } catch (NumberFormatException e) {
                // below
              }
              throw new IllegalStateException(
                  name + " must be a positive whole number, was '" + value + "'");
            })
        .orElse(fallback);
  }
}
