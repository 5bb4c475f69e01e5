package dev.clauderelay.intake;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a web application's request bodies enter: one memory budget for all of them, and one sweep
 * every half second that ends the reads of bodies that stall or trickle. Reading itself holds no
 * thread ({@link BodyRead}), so connections that send slowly cost memory bounded by the limits,
 * never the threads that serve everyone else.
 */
public final class BodyIntake implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(BodyIntake.class.getName());

  private final BodyBudget budget;
  private final RefusalWriter refusals;
  private final Set<BodyRead> reading = ConcurrentHashMap.newKeySet();
  private final ScheduledFuture<?> sweeping;

  /**
   * @param sweeper runs the sweep; a container-managed one, as refusals are written from it
   */
  public BodyIntake(BodyBudget budget, RefusalWriter refusals, ScheduledExecutorService sweeper) {
    this.budget = budget;
    this.refusals = refusals;
    this.sweeping = sweeper.scheduleWithFixedDelay(this::sweep, 500, 500, TimeUnit.MILLISECONDS);
  }

  /**
   * Reads the body of {@code request}, whose asynchronous processing the caller has started; the
   * receiver gets it whole, or the client gets a refusal (413, 408, 529) and the request ends. The
   * receiver may run before this returns, on this thread, or later on a container thread.
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
            refusals,
            receiver,
            requestId,
            System.nanoTime());
    reading.add(read);
    read.start(declaredLength(request), () -> reading.remove(read));
    return read;
  }

  /** Whether a request carries a body at all (a length above zero, or chunks). */
  public static boolean hasBody(HttpServletRequest request) {
    return declaredLength(request) != 0;
  }

  /** The Content-Length; -1 for a chunked body; 0 for none. */
  static long declaredLength(HttpServletRequest request) {
    long length = request.getContentLengthLong();
    if (length >= 0) {
      return length;
    }
    String encoding = request.getHeader("Transfer-Encoding");
    return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked") ? -1 : 0;
  }

  /** Bodies being received now. */
  public int reading() {
    return reading.size();
  }

  /** Bytes of the budget held now. */
  public long heldBytes() {
    return budget.reserved();
  }

  public long budgetBytes() {
    return budget.capacity();
  }

  @Override
  public void close() {
    sweeping.cancel(false);
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
}
