package dev.clauderelay.gateway.interfaces.proxy;

import dev.clauderelay.gateway.application.relay.ClientChannel;
import dev.clauderelay.gateway.application.relay.ErrorBodies;
import dev.clauderelay.intake.ClientConnections;
import dev.clauderelay.plugin.api.GatewayError;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link ClientChannel} over an asynchronous servlet response. A write the client's connection
 * can take at once ({@link ClientConnections#writeRoom}) is written and flushed by the thread that
 * delivers the upstream's bytes, which is the upstream client's selector: it must never wait on a
 * client. A write that could wait (the client reads slowly, its connection's queue is near its
 * bound) goes to a container thread instead, {@link #write} says "not ready", and the upstream is
 * read no further until that thread has written it and calls the ready callback: a slow client
 * slows only its own upstream, and holds one container thread while it does.
 *
 * <p>Nothing is written or completed before the container's dispatch of the request has returned
 * ({@link DispatchExit}): an upstream faster than the servlet's return (a refused connection
 * answered by the next key, a local upstream) would otherwise leave the response unfinished. What
 * comes early waits in the queue, written by a container thread once the dispatch is over.
 *
 * <p>While a container thread writes, it alone touches the response: writes queue behind it, and a
 * completion asked for meanwhile (the client is gone) is left to it.
 *
 * <p>Why not the servlet's non-blocking output: Payara 6's {@code isReady()} keeps its "not ready"
 * flag in a field that is not safe to read from a thread other than the container's, and called
 * from the upstream's threads a response could wait forever for an {@code onWritePossible} that had
 * already happened.
 */
final class ServletClientChannel implements ClientChannel, AsyncListener {

  /**
   * Room kept in the connection's queue beyond a write's own bytes: a chunk's framing, the last
   * chunk written at completion.
   */
  private static final int WRITE_MARGIN = 256;

  /** Room counted for the status line and the container's own headers, with the first write. */
  private static final int HEAD_MARGIN = 512;

  private final AsyncContext async;
  private final HttpServletResponse response;
  private final Executor containerThreads;
  private final ClientConnections.WriteRoom room;
  private final ArrayDeque<byte[]> queued = new ArrayDeque<>();
  private boolean servletDone;
  private long servletDoneNanos;
  private boolean dispatchOver;
  private boolean writerActive;
  private boolean closeRequested;
  private boolean completionOwed;
  private boolean readyOwed;
  private Runnable readyCallback;
  private int headBytes;
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
      AsyncContext async,
      HttpServletRequest request,
      HttpServletResponse response,
      Executor containerThreads) {
    this.async = async;
    this.response = response;
    this.containerThreads = containerThreads;
    this.room = ClientConnections.writeRoom(request);
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
  public synchronized void onReady(Runnable callback) {
    readyCallback = callback;
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
    headBytes = HEAD_MARGIN;
    headers.forEach((name, value) -> headBytes += name.length() + value.length() + 4);
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
    boolean ready = true;
    synchronized (this) {
      written = true;
      if (gone || completed) {
        // dropped: the exchange hears that the client is gone
      } else if (mayWrite() && room.takes(headBytes + bytes.length + WRITE_MARGIN)) {
        writeNow(bytes);
      } else {
        queued.add(bytes);
        readyOwed = true;
        startWriter();
        ready = false;
      }
    }
    notifyIfGone();
    return ready;
  }

  /** Writes {@code bytes} and flushes them, under this channel's lock: the write does not wait. */
  private void writeNow(byte[] bytes) {
    headBytes = 0;
    if (!send(out, bytes)) {
      gone = true;
    }
  }

  private static boolean send(ServletOutputStream to, byte[] bytes) {
    if (to == null) {
      return false;
    }
    try {
      to.write(bytes);
      to.flush();
      return true;
    } catch (IOException | IllegalStateException e) {
      return false;
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closeRequested = true;
      if (mayWrite() && room.takes(headBytes + WRITE_MARGIN)) {
        complete();
      } else {
        startWriter();
      }
    }
    notifyIfGone();
  }

  /** The servlet's code is done; the container's dispatch returns right after. */
  void servletDone() {
    synchronized (this) {
      servletDone = true;
      servletDoneNanos = System.nanoTime();
      if (!queued.isEmpty() || closeRequested) {
        startWriter();
      }
    }
  }

  /**
   * Whether the caller may write or complete now: the dispatch is over, and no container thread is
   * writing or has writes queued.
   */
  private boolean mayWrite() {
    if (writerActive || !queued.isEmpty()) {
      return false;
    }
    if (!dispatchOver && servletDone) {
      dispatchOver = DispatchExit.hasReturned(async, servletDoneNanos);
    }
    return dispatchOver;
  }

  /** Once the servlet is done, a container thread takes over what is queued and the completion. */
  private void startWriter() {
    if (writerActive || !servletDone) {
      return;
    }
    writerActive = true;
    containerThreads.execute(this::writeQueued);
  }

  /**
   * On a container thread: waits for the dispatch to end if need be, then writes what is queued,
   * each write outside the lock (it may wait for the client), completes if asked, and tells the
   * exchange it may go on.
   */
  private void writeQueued() {
    boolean over;
    synchronized (this) {
      over = dispatchOver;
    }
    if (!over) {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!DispatchExit.hasReturned(async, servletDoneNanos) && System.nanoTime() < deadline) {
        LockSupport.parkNanos(100_000);
      }
    }
    Runnable ready = null;
    while (true) {
      byte[] next;
      ServletOutputStream to;
      synchronized (this) {
        dispatchOver = true;
        next = gone || completed ? null : queued.poll();
        if (next == null) {
          queued.clear();
          writerActive = false;
          if (completionOwed) {
            completionOwed = false;
            completeResponse();
          } else if (closeRequested) {
            complete();
          }
          if (readyOwed && !gone && !completed) {
            ready = readyCallback;
          }
          readyOwed = false;
          break;
        }
        to = out;
        headBytes = 0;
      }
      if (!send(to, next)) {
        synchronized (this) {
          gone = true;
        }
      }
    }
    notifyIfGone();
    if (ready != null) {
      ready.run();
    }
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
    if (writerActive) {
      completionOwed = true; // the writing container thread owns the response: it completes it
    } else {
      completeResponse();
    }
    ended();
  }

  private void completeResponse() {
    try {
      async.complete();
    } catch (IllegalStateException alreadyDone) {
      // the container ended it first (client gone)
    }
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
