package dev.clauderelay.gateway.application.account;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the {@link AccountPool} needs stored or done, off the request path on the relay's managed
 * threads: rate limits and refusals written, tokens refreshed.
 */
@ApplicationScoped
public class AccountUpkeep implements AccountPool.Upkeep {

  private static final Logger LOG = Logger.getLogger(AccountUpkeep.class.getName());

  @Inject private ClaudeAccountService accounts;
  @Resource private ManagedExecutorService executor;

  /**
   * Creates the bean now, on a container thread: created lazily by the first rate limit, on an
   * upstream's thread, it would get no executor.
   */
  public void warmUp() {
    if (executor == null) {
      throw new IllegalStateException("no managed executor injected");
    }
  }

  @Override
  public CompletionStage<Boolean> refresh(long accountId, String why) {
    // The refresh returns once its transaction committed and the pool holds the new token.
    return CompletableFuture.supplyAsync(() -> accounts.refresh(accountId, why), executor);
  }

  @Override
  public void limited(long accountId, long untilMillis, long atMillis, String reason) {
    run(
        "store the rate limit of",
        accountId,
        () -> accounts.recordLimit(accountId, utc(untilMillis), utc(atMillis), reason));
  }

  @Override
  public void refused(long accountId, String reason) {
    run("store the refusal of", accountId, () -> accounts.recordRefusal(accountId, reason));
  }

  private void run(String what, long accountId, Runnable write) {
    try {
      executor.execute(
          () -> {
            try {
              write.run();
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "Could not " + what + " Claude account " + accountId, e);
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.log(Level.WARNING, "Could not " + what + " Claude account " + accountId + ": stopping");
    }
  }

  private static LocalDateTime utc(long millis) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }
}
