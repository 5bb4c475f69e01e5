package dev.clauderelay.gateway.application.usage;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The request path's hand-off to the {@link UsageRecorder}: a bounded queue that never blocks. A
 * plain bean, so that recording a request costs no EJB proxy; when the database falls so far behind
 * that it fills, records are dropped and counted rather than slowing requests down.
 *
 * <p>A {@link Singleton} (one instance, injected as itself) rather than application scoped
 * (injected as a proxy): the recorder drains it in its pre-destroy, and by then Payara may have
 * ended the application context, where a proxy would hand it a new, empty queue and the last
 * second's records would be lost (as a clean stop showed, whenever the console was deployed first).
 */
@Singleton
public class UsageQueue {

  private static final Logger LOG = Logger.getLogger(UsageQueue.class.getName());
  static final int CAPACITY = 100_000;

  private final BlockingQueue<RequestRecord> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();

  /** Queues a record; never blocks. */
  public void record(RequestRecord record) {
    if (!queue.offer(record)) {
      long count = dropped.incrementAndGet();
      if (count == 1 || count % 1000 == 0) {
        LOG.warning(() -> "Usage queue full: " + count + " record(s) dropped so far");
      }
    }
  }

  /** Records waiting to be written. */
  public int size() {
    return queue.size();
  }

  /** Records dropped because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  int drainTo(Collection<RequestRecord> batch, int max) {
    return queue.drainTo(batch, max);
  }
}
