package dev.clauderelay.gateway.interfaces.intake;

import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where every request body enters the relay: the limits (per endpoint kind, and the shared memory
 * budget), and one sweep every half second that ends the reads of bodies that stall or trickle.
 * Reading itself holds no thread ({@link BodyRead}), so connections that send slowly cost memory
 * bounded by the limits, never the threads that serve everyone else.
 */
@ApplicationScoped
public class BodyIntake {

  private static final Logger LOG = Logger.getLogger(BodyIntake.class.getName());

  /** A sign-in, the only body taken without a session, is a few hundred bytes. */
  public static final long ANONYMOUS_MAX_BYTES = 64 * 1024;

  static final long DEFAULT_CLIENT_MAX_BYTES = 32L * 1024 * 1024;

  /** A batch of 20,000 keys with labels fits, with room to spare. */
  static final long DEFAULT_ADMIN_MAX_BYTES = 16L * 1024 * 1024;

  @Inject private RelayConfig config;
  @Resource private ManagedScheduledExecutorService scheduler;

  private final Set<BodyRead> reading = ConcurrentHashMap.newKeySet();
  private BodyBudget budget;
  private BodyRules clientRules;
  private long adminMaxBytes;
  private ScheduledFuture<?> sweeping;

  @PostConstruct
  void start() {
    long maxHeap = Runtime.getRuntime().maxMemory();
    budget =
        new BodyBudget(
            config
                .optional("RELAY_BODY_BUDGET_BYTES")
                .map(v -> positive("RELAY_BODY_BUDGET_BYTES", v))
                .orElse(maxHeap / 2));
    long clientMax =
        config
            .optional("RELAY_MAX_REQUEST_BYTES")
            .map(v -> positive("RELAY_MAX_REQUEST_BYTES", v))
            .orElse(DEFAULT_CLIENT_MAX_BYTES);
    adminMaxBytes =
        config
            .optional("RELAY_MAX_ADMIN_REQUEST_BYTES")
            .map(v -> positive("RELAY_MAX_ADMIN_REQUEST_BYTES", v))
            .orElse(DEFAULT_ADMIN_MAX_BYTES);
    clientRules =
        new BodyRules(
            clientMax,
            Duration.ofSeconds(
                config
                    .optional("RELAY_BODY_IDLE_TIMEOUT_SECONDS")
                    .map(v -> positive("RELAY_BODY_IDLE_TIMEOUT_SECONDS", v))
                    .orElse(10L)),
            config
                .optional("RELAY_BODY_MIN_BYTES_PER_SECOND")
                .map(v -> positive("RELAY_BODY_MIN_BYTES_PER_SECOND", v))
                .orElse(8L * 1024),
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
    sweeping = scheduler.scheduleWithFixedDelay(this::sweep, 500, 500, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (sweeping != null) {
      sweeping.cancel(false);
    }
  }

  /** The rules for {@code /v1/messages} bodies. */
  public BodyRules clientRules() {
    return clientRules;
  }

  /** The rules for admin bodies: small without a session, larger with one. */
  public BodyRules adminRules(boolean signedIn) {
    return clientRules.withMaxBytes(signedIn ? adminMaxBytes : ANONYMOUS_MAX_BYTES);
  }

  /**
   * Reads the body of {@code request}, whose asynchronous processing the caller has started; the
   * receiver gets it whole, or the client gets an error (413, 408, 529) and the request ends. The
   * receiver may run before this returns.
   *
   * @return the read, whose {@link BodyRead#release()} gives its memory back early
   */
  public BodyRead read(
      HttpServletRequest request,
      HttpServletResponse response,
      AsyncContext async,
      BodyRules rules,
      String requestId,
      BodyRead.Receiver receiver)
      throws IOException {
    BodyRead read =
        new BodyRead(
            async,
            request.getInputStream(),
            response,
            rules,
            budget,
            receiver,
            requestId,
            System.nanoTime());
    reading.add(read);
    read.start(declaredLength(request));
    return read;
  }

  /** Whether a request carries a body at all (a length above zero, or chunks). */
  public static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || declaredLength(request) < 0;
  }

  private static long declaredLength(HttpServletRequest request) {
    long length = request.getContentLengthLong();
    if (length >= 0) {
      return length;
    }
    String encoding = request.getHeader("Transfer-Encoding");
    return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked")
        ? -1
        : 0;
  }

  /** Bodies being received now. */
  public int reading() {
    return reading.size();
  }

  /** Bytes of bodies held now, and the budget; for health and tests. */
  public long heldBytes() {
    return budget.reserved();
  }

  public long budgetBytes() {
    return budget.capacity();
  }

  private void sweep() {
    long now = System.nanoTime();
    for (BodyRead read : reading) {
      try {
        if (!read.check(now)) {
          reading.remove(read);
        }
      } catch (RuntimeException e) {
        reading.remove(read);
        LOG.log(Level.WARNING, "Body check failed", e);
      }
    }
  }

  private static long positive(String name, String value) {
    try {
      long parsed = Long.parseLong(value);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalStateException(name + " must be a positive whole number, was '" + value + "'");
  }
}
