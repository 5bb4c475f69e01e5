package dev.clauderelay.gateway.application.relay;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Reads one attempt's answer body for its exchange, one chunk at a time as the exchange asks for
 * more, and hands every signal over under the exchange's lock. Once the exchange has moved on (the
 * attempt stalled, was refused, or was cancelled with {@link #cancel}) or the body has ended, late
 * signals are dropped, so they cannot mix into another attempt's answer.
 */
final class BodyReader implements Flow.Subscriber<List<ByteBuffer>> {

  /**
   * The exchange's side. Its methods run under the exchange's lock (the listener itself is the
   * monitor), only while this reader is its current one, on the HTTP client's threads.
   */
  interface Listener {

    /** Whether the exchange no longer wants the body (it is over, or its client left). */
    boolean over();

    void onBody(List<ByteBuffer> buffers);

    /** The body ended; the reader is done. */
    void onBodyEnd();

    /** The body broke off; the reader is done. */
    void onBodyBroken(Throwable error);
  }

  private final Listener exchange;
  private Flow.Subscription subscription;

  /** Cancelled, or ended: nothing more goes to the exchange. */
  private boolean done;

  BodyReader(Listener exchange) {
    this.exchange = exchange;
  }

  @Override
  public void onSubscribe(Flow.Subscription upstreamSubscription) {
    synchronized (exchange) {
      subscription = upstreamSubscription;
      if (done || exchange.over()) {
        upstreamSubscription.cancel();
        return;
      }
      upstreamSubscription.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    synchronized (exchange) {
      if (!done) {
        exchange.onBody(buffers);
      }
    }
  }

  @Override
  public void onError(Throwable error) {
    synchronized (exchange) {
      if (!done) {
        done = true;
        exchange.onBodyBroken(error);
      }
    }
  }

  @Override
  public void onComplete() {
    synchronized (exchange) {
      if (!done) {
        done = true;
        exchange.onBodyEnd();
      }
    }
  }

  /** Asks for the next chunk. */
  void request() {
    if (subscription != null) {
      subscription.request(1);
    }
  }

  /** Stops reading: the upstream connection is closed, and nothing more is handed over. */
  void cancel() {
    done = true;
    if (subscription != null) {
      subscription.cancel();
    }
  }

  /** Drops a body nobody will read, so its connection closes. */
  static void discard(Flow.Publisher<List<ByteBuffer>> body) {
    body.subscribe(Discarding.INSTANCE);
  }

  private enum Discarding implements Flow.Subscriber<List<ByteBuffer>> {
    INSTANCE;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.cancel();
    }

    @Override
    public void onNext(List<ByteBuffer> item) {}

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}
  }
}
