package dev.clauderelay.gateway.infrastructure.upstream;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * An upstream answer's body as a {@link Flow.Publisher} for one subscriber, read from Jetty's
 * content source only as far as the subscriber asks: a client that reads slowly slows the upstream
 * read, nothing is buffered ahead. Each chunk is copied out of Jetty's pooled buffer before it is
 * handed over, so the subscriber may keep it.
 *
 * <p>Signals come from any thread (Jetty's, the subscriber's, a canceller's); one drain loop at a
 * time turns them into calls on the subscriber, so a request made from inside {@code onNext} is
 * served by the loop already running rather than by a nested call.
 */
final class ResponseBody implements Flow.Publisher<List<ByteBuffer>> {

  private final Runnable abort;
  private final AtomicInteger work = new AtomicInteger();

  /** Jetty may call it on its selector: what it runs never waits (see UpstreamClient). */
  private final Runnable dataArrived =
      Invocable.from(Invocable.InvocationType.NON_BLOCKING, this::onData);

  private volatile Flow.Subscriber<? super List<ByteBuffer>> subscriber;
  private volatile Content.Source source;
  private volatile long demand;
  private volatile boolean cancelled;
  private volatile boolean finished;
  private volatile Throwable failure;
  private boolean awaitingData;
  private boolean terminated;

  /**
   * @param abort ends the exchange, closing its connection
   */
  ResponseBody(Runnable abort) {
    this.abort = abort;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> candidate) {
    synchronized (this) {
      if (subscriber != null) {
        candidate.onSubscribe(NO_SUBSCRIPTION);
        candidate.onError(new IllegalStateException("the body has a subscriber already"));
        return;
      }
      subscriber = candidate;
    }
    candidate.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {
            if (n <= 0) {
              return;
            }
            synchronized (ResponseBody.this) {
              long sum = demand + n;
              demand = sum < 0 ? Long.MAX_VALUE : sum;
            }
            drain();
          }

          @Override
          public void cancel() {
            if (!cancelled) {
              cancelled = true;
              abort.run();
              drain();
            }
          }
        });
    drain();
  }

  /** Jetty's content source for this answer: its bytes can be read now. */
  void attach(Content.Source content) {
    source = content;
    drain();
  }

  /** The exchange is over; {@code error} is why it broke off, or null when it ended well. */
  void finish(Throwable error) {
    failure = error;
    finished = true;
    drain();
  }

  private void onData() {
    awaitingData = false;
    drain();
  }

  private void drain() {
    if (work.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      step();
      missed = work.addAndGet(-missed);
    } while (missed != 0);
  }

  private void step() {
    Flow.Subscriber<? super List<ByteBuffer>> to = subscriber;
    if (to == null || terminated) {
      return;
    }
    if (cancelled) {
      terminated = true;
      return;
    }
    if (finished && failure != null) {
      terminated = true;
      to.onError(failure);
      return;
    }
    Content.Source from = source;
    while (from != null && !awaitingData && !terminated && !cancelled && demand > 0) {
      Content.Chunk chunk = from.read();
      if (chunk == null) {
        awaitingData = true;
        from.demand(dataArrived);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        terminated = true;
        to.onError(chunk.getFailure());
        return;
      }
      ByteBuffer data = chunk.getByteBuffer();
      boolean last = chunk.isLast();
      ByteBuffer copy = null;
      if (data.hasRemaining()) {
        copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
      }
      chunk.release();
      if (copy != null) {
        synchronized (this) {
          demand--;
        }
        to.onNext(List.of(copy));
      }
      if (last) {
        terminated = true;
        to.onComplete();
        return;
      }
    }
    if (from == null && finished && !terminated) {
      // An answer without a body: Jetty had no content to offer.
      terminated = true;
      to.onComplete();
    }
  }

  private static final Flow.Subscription NO_SUBSCRIPTION =
      new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      };
}
