package dev.clauderelay.gateway.interfaces.proxy;

import dev.clauderelay.gateway.application.relay.ClientChannel;
import dev.clauderelay.gateway.application.relay.ErrorBodies;
import dev.clauderelay.intake.ClientConnections;
import dev.clauderelay.plugin.api.GatewayError;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link ClientChannel} over an asynchronous servlet response. Each write is written and flushed
 * at once by the thread that delivers the upstream's bytes: the container's request threads are
 * free as soon as the request is accepted, and a client that reads slowly slows only its own
 * upstream (the delivering thread waits, so the upstream is read no faster than the client).
 *
 * <p>Nothing is written or completed before the container's dispatch of the request has returned
 * ({@link DispatchExit}): an upstream faster than the servlet's return (a refused connection
 * answered by the next key, a local upstream) would otherwise leave the response unfinished. What
 * comes early waits in a queue, written by a container thread once the dispatch is over.
 *
 * <p>Why not the servlet's non-blocking output: Payara 6's {@code isReady()} keeps its "not ready"
 * flag in a field that is not safe to read from a thread other than the container's, and called
 * from the upstream's threads a response could wait forever for an {@code onWritePossible} that had
 * already happened.
 */
final class ServletClientChannel implements ClientChannel, AsyncListener {

  private final AsyncContext async;
  private final HttpServletResponse response;
  private final Executor containerThreads;
  private final ArrayDeque<byte[]> early = new ArrayDeque<>();
  private boolean servletDone;
  private long servletDoneNanos;
  private boolean dispatchOver;
  private boolean waiting;
  private boolean closeRequested;
  private ServletOutputStream out;
  private boolean opened;
  private boolean completed;
  private boolean gone;
  private boolean goneNotified;
  private Runnable goneCallback = () -> {};
  private Runnable unwatch;
  private boolean watchArmed;
  private boolean written;
  private boolean streaming;
  private Runnable onEnd;

  ServletClientChannel(
      AsyncContext async, HttpServletResponse response, Executor containerThreads) {
    this.async = async;
    this.response = response;
    this.containerThreads = containerThreads;
    async.addListener(this);
  }

  /**
   * Watches the client's connection while the exchange waits on the upstream ({@link
   * ClientConnections}), so a hang-up before the first byte of the answer is heard at once rather
   * than at the first write.
   *
   * <p>Only for an exchange that has waited (the exchange asks after a second), and such a
   * connection closes after its answer. The watch makes Grizzly read a connection whose request it
   * considers in progress; a client's next request on it, sent the moment the answer arrives, could
   * then be read by two threads at once, or into the request that is ending: on a busy relay about
   * one large request in two thousand lost its last bytes that way, waited 10 s and got a 408. A
   * closed connection has no next request.
   */
  @Override
  public void watchForHangUp() {
    synchronized (this) {
      if (watchArmed || written || completed || gone) {
        return;
      }
      watchArmed = true;
      if (opened) {
        response.setHeader("Connection", "close"); // nothing written: the head is still ours
      }
    }
    Runnable end;
    try {
      end = ClientConnections.watchHangUp(async.getRequest(), this::containerGaveUp);
    } catch (IllegalStateException completedMeanwhile) {
      return;
    }
    synchronized (this) {
      unwatch = end;
      if (completed || (opened && !streaming)) {
        endWatch();
      }
    }
  }

  /**
   * Runs {@code action} once when the exchange ends, or at once if it has ended; actions given
   * earlier run first. What the request holds (its body's share of the memory budget) is given back
   * here rather than in the container's completion callback, which Payara skips for a response
   * whose client hung up.
   */
  void onEnd(Runnable action) {
    synchronized (this) {
      if (!completed) {
        Runnable before = onEnd;
        onEnd =
            before == null
                ? action
                : () -> {
                  try {
                    before.run();
                  } finally {
                    action.run();
                  }
                };
        return;
      }
    }
    action.run();
  }

  /**
   * Runs the end actions given so far, now; any given later still wait for the end (the body's
   * release, given once the intake's read returns, may not run inside that read).
   */
  @Override
  public void releaseHolds() {
    ended();
  }

  @Override
  public void onReady(Runnable callback) {
    // Writes complete before they return: the client is always ready for the next.
  }

  @Override
  public synchronized void onGone(Runnable callback) {
    goneCallback = callback;
  }

  @Override
  public synchronized boolean isOpen() {
    return opened;
  }

  @Override
  public synchronized void open(int status, Map<String, String> headers) {
    if (opened || gone || completed) {
      return;
    }
    opened = true;
    streaming = isEventStream(headers);
    if (!streaming) {
      // A whole answer is written at once: the watch ends first. A stream's ends at completion.
      endWatch();
    }
    response.setStatus(status);
    headers.forEach(response::setHeader);
    if (watchArmed) {
      response.setHeader("Connection", "close"); // see watchForHangUp
    }
    try {
      out = response.getOutputStream();
    } catch (IOException | IllegalStateException e) {
      gone = true;
    }
  }

  private static boolean isEventStream(Map<String, String> headers) {
    String type = headers.get("content-type");
    return type != null && type.startsWith("text/event-stream");
  }

  private void endWatch() {
    if (unwatch != null) {
      unwatch.run();
      unwatch = null;
    }
  }

  @Override
  public boolean write(byte[] bytes) {
    synchronized (this) {
      written = true;
      if (mayWrite()) {
        writeNow(bytes);
      } else {
        early.add(bytes);
        waitForDispatchExit();
      }
    }
    notifyIfGone();
    return true;
  }

  private void writeNow(byte[] bytes) {
    if (!gone && !completed && out != null) {
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException | IllegalStateException e) {
        gone = true;
      }
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closeRequested = true;
      if (mayWrite()) {
        complete();
      } else {
        waitForDispatchExit();
      }
    }
    notifyIfGone();
  }

  /** The servlet's code is done; the container's dispatch returns right after. */
  void servletDone() {
    synchronized (this) {
      servletDone = true;
      servletDoneNanos = System.nanoTime();
      if (!early.isEmpty() || closeRequested) {
        waitForDispatchExit();
      }
    }
  }

  /** Whether bytes may go out now: the dispatch is over, and what came early has gone out. */
  private boolean mayWrite() {
    if (!dispatchOver && servletDone && early.isEmpty() && !waiting) {
      dispatchOver = DispatchExit.hasReturned(async, servletDoneNanos);
    }
    return dispatchOver && !waiting;
  }

  /**
   * Once the servlet is done, a container thread writes what waits as soon as the dispatch ends.
   */
  private void waitForDispatchExit() {
    if (waiting || !servletDone) {
      return;
    }
    waiting = true;
    containerThreads.execute(this::writeAfterDispatch);
  }

  private void writeAfterDispatch() {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!DispatchExit.hasReturned(async, servletDoneNanos) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(100_000);
    }
    synchronized (this) {
      dispatchOver = true;
      waiting = false;
      while (!early.isEmpty()) {
        writeNow(early.poll());
      }
      if (closeRequested) {
        complete();
      }
    }
    notifyIfGone();
  }

  @Override
  public void error(GatewayError error, Map<String, String> headers) {
    synchronized (this) {
      if (!opened && !gone && !completed) {
        Map<String, String> withType = new LinkedHashMap<>(headers);
        withType.put("content-type", "application/json");
        byte[] body =
            ErrorBodies.json(error.type(), error.getMessage()).getBytes(StandardCharsets.UTF_8);
        withType.put("content-length", Integer.toString(body.length));
        open(error.httpStatus(), withType);
        write(body);
      }
    }
    close();
  }

  private void complete() {
    if (completed) {
      return;
    }
    completed = true;
    // The container keeps this listener with its pooled request objects long after the exchange;
    // what reaches the exchange goes now, or each exchange would outlive its request by seconds.
    goneCallback = null;
    endWatch();
    try {
      async.complete();
    } catch (IllegalStateException alreadyDone) {
      // the container ended it first (client gone)
    }
    ended();
  }

  private void ended() {
    Runnable action;
    synchronized (this) {
      action = onEnd;
      onEnd = null;
    }
    if (action != null) {
      action.run();
    }
  }

  /**
   * Tells the exchange, once, that the client is gone; outside this channel's lock, as the exchange
   * takes its own lock and holds it while writing here.
   */
  private void notifyIfGone() {
    Runnable callback;
    synchronized (this) {
      if (!gone || goneNotified) {
        return;
      }
      goneNotified = true;
      callback = goneCallback;
      goneCallback = null;
      complete();
    }
    if (callback != null) {
      callback.run();
    }
  }

  private void containerGaveUp() {
    synchronized (this) {
      if (completed) {
        return;
      }
      gone = true;
    }
    notifyIfGone();
  }

  /**
   * The container completed the response. When this channel did not ask for it, the client is gone
   * (the container noticed first): the exchange must hear it, or it would keep the upstream
   * streaming into writes that are silently skipped.
   */
  @Override
  public void onComplete(AsyncEvent event) {
    boolean unexpected;
    synchronized (this) {
      unexpected = !completed;
      completed = true;
      if (unexpected) {
        gone = true;
      }
      endWatch();
      ended();
    }
    if (unexpected) {
      notifyIfGone();
    }
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    containerGaveUp();
  }

  @Override
  public void onError(AsyncEvent event) {
    containerGaveUp();
  }

  @Override
  public void onStartAsync(AsyncEvent event) {}
}
