package dev.clauderelay.gateway.infrastructure.concurrent;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

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

  /** Set on the pool's own threads, so work handed over by one of them can stay where it is. */
  private static final ThreadLocal<Boolean> OWN = ThreadLocal.withInitial(() -> Boolean.FALSE);

  private ExecutorService executor;
  private Executor inPlace;
  private ThreadFactory marked;

  @PostConstruct
  void start() {
    if (threads == null) {
      throw new IllegalStateException(
          "RelayThreads must be created on a container thread (no ManagedThreadFactory injected)");
    }
    marked =
        task ->
            threads.newThread(
                () -> {
                  OWN.set(Boolean.TRUE);
                  task.run();
                });
    executor = Executors.newCachedThreadPool(marked);
    inPlace =
        task -> {
          if (OWN.get()) {
            task.run();
          } else {
            executor.execute(task);
          }
        };
  }

  public ExecutorService executor() {
    return executor;
  }

  /**
   * Container-managed threads that count as the relay's own for {@link #inPlace()}: for pools that
   * move bytes too, such as the upstream client's.
   */
  public ThreadFactory threadFactory() {
    return marked;
  }

  /**
   * Runs a task at once when the caller is one of the relay's own threads (this pool's, or the
   * upstream client's, made by {@link #threadFactory()}), and hands it to this pool otherwise (a
   * timer's thread, the container's request threads). A hand-over between threads costs a wake-up
   * and a context switch, the largest single cost of a short request in the profiles
   * (bench/RESULTS.md): work already on a thread that may move bytes stays there.
   */
  public Executor inPlace() {
    return inPlace;
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
