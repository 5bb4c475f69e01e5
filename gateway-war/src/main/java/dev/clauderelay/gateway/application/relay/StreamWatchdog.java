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
 * Ends streams whose upstream has gone silent for longer than its provider allows: one sweep a
 * second over the open streams, instead of a timer per stream.
 */
@ApplicationScoped
public class StreamWatchdog {

  private static final Logger LOG = Logger.getLogger(StreamWatchdog.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;

  private final Set<RelayExchange> open = ConcurrentHashMap.newKeySet();
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

  void watch(RelayExchange exchange) {
    open.add(exchange);
  }

  void forget(RelayExchange exchange) {
    open.remove(exchange);
  }

  /** Streams open now; for health and tests. */
  public int openStreams() {
    return open.size();
  }

  private void sweep() {
    long now = System.nanoTime();
    for (RelayExchange exchange : open) {
      try {
        if (exchange.isFinished()) {
          open.remove(exchange);
        } else if (now - exchange.lastUpstreamActivityNanos() > exchange.streamIdleTimeoutNanos()) {
          exchange.stalled();
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Stall check failed", e);
      }
    }
  }
}
