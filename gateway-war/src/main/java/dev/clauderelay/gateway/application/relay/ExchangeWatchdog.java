package dev.clauderelay.gateway.application.relay;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds every exchange to its time bounds: one sweep a second over the open exchanges, instead of a
 * timer per exchange. Each exchange decides what a passed bound means for it ({@link
 * Watched#checkDeadlines}): an upstream silent for longer than its provider allows, or a request
 * older than the provider's total bound.
 */
@ApplicationScoped
public class ExchangeWatchdog {

  private static final Logger LOG = Logger.getLogger(ExchangeWatchdog.class.getName());

  /** What the watchdog holds to its bounds: an open exchange. */
  public interface Watched {

    /**
     * Called about once a second, on the watchdog's thread: ends what has passed a bound.
     *
     * @return whether the exchange is over, so the watchdog may forget it
     */
    boolean checkDeadlines(long nowNanos);
  }

  @Resource private ManagedScheduledExecutorService scheduler;

  private final Set<Watched> open = ConcurrentHashMap.newKeySet();
  private ScheduledFuture<?> sweeping;

  @PostConstruct
  void start() {
    sweeping = scheduler.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (sweeping != null) {
      sweeping.cancel(false);
    }
  }

  /** Public, as {@link #forget}: Weld calls a package-private method of a proxy by reflection. */
  public void watch(Watched exchange) {
    open.add(exchange);
  }

  public void forget(Watched exchange) {
    open.remove(exchange);
  }

  /** Exchanges open now, streams or not; for health and tests. */
  public int openExchanges() {
    return open.size();
  }

  private void sweep() {
    long now = System.nanoTime();
    for (Watched exchange : open) {
      try {
        if (exchange.checkDeadlines(now)) {
          open.remove(exchange);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Deadline check failed", e);
      }
    }
  }
}
