package dev.clauderelay.gateway.infrastructure.concurrent;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The relay's own pool of container-managed threads for moving bytes: upstream answers and client
 * writes. Managed threads carry the application's class loader and naming, which Payara needs to
 * write and complete a client's response. The pool grows as needed, so a write stalled on a slow
 * client never holds up another exchange; the server's default managed executor runs very few tasks
 * at once, and one stalled write stalled every other stream.
 *
 * <p>Not for work that opens transactions (token refreshes, stored limits, configuration rebuilds):
 * these threads run without a component invocation, so {@code @Transactional} cannot enforce its
 * rules on them. That work stays on the managed executor.
 */
@ApplicationScoped
public class RelayThreads {

  @Resource private ManagedThreadFactory threads;

  private ExecutorService executor;

  @PostConstruct
  void start() {
    if (threads == null) {
      throw new IllegalStateException(
          "RelayThreads must be created on a container thread (no ManagedThreadFactory injected)");
    }
    executor = Executors.newCachedThreadPool(threads);
  }

  public ExecutorService executor() {
    return executor;
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
