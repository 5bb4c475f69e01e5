package dev.clauderelay.launcher;

import java.util.Properties;

/**
 * Keeps CompletableFuture's default executor a pool on small machines. The JDK's HTTP client hands
 * every upstream answer to that executor; with fewer than three processors the common ForkJoinPool
 * has a single thread, and CompletableFuture then starts a new thread per task instead: one thread
 * per upstream request, on exactly the small servers the relay is self-hosted on. Two common-pool
 * threads make it a pool again. Must run before anything touches ForkJoinPool.
 */
final class CommonPoolSize {

  static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  private CommonPoolSize() {}

  /** Sets the common pool's parallelism to 2 where the JVM would choose 1, unless already set. */
  static void ensurePool(int processors, Properties system) {
    if (system.getProperty(PARALLELISM) == null && processors - 1 < 2) {
      system.setProperty(PARALLELISM, "2");
    }
  }
}
