package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.plugin.api.GatewayError;
import java.util.Map;

/**
 * The client's side of an exchange, written without blocking: bytes are queued and written as the
 * connection accepts them; {@link #write} says whether more may be written now, and the ready
 * callback says when writing may resume. That is how upstream reading follows the client's pace.
 *
 * <p>Calls may come from any thread, never concurrently for one exchange.
 */
public interface ClientChannel {

  /** Sends the status and headers; once, before the first write. */
  void open(int status, Map<String, String> headers);

  /**
   * Queues {@code bytes} and flushes them out.
   *
   * @return whether the client can take more now; when {@code false}, wait for the ready callback
   */
  boolean write(byte[] bytes);

  /** Called when a write that returned {@code false} may resume. */
  void onReady(Runnable callback);

  /** Called once if the client goes away (disconnects, write fails). */
  void onGone(Runnable callback);

  /** Whether {@link #open} was called: from then on errors go in-band. */
  boolean isOpen();

  /** Ends the response after the queued bytes are written. Idempotent. */
  void close();

  /** Answers an error in Anthropic's shape; only before {@link #open}. */
  void error(GatewayError error, Map<String, String> headers);

  /**
   * The exchange has waited a while without a byte for the client: the channel may start watching
   * the client's connection, so a hang-up is heard before the answer comes. Called about once a
   * second until the first {@link #write}, perhaps after {@link #open}; the first call counts.
   */
  default void watchForHangUp() {}

  /**
   * Gives back what the request holds (its body's share of the memory budget, its concurrency slot)
   * ahead of the end: called just before an answer's last bytes go out, as a client may send its
   * next request the moment it holds a whole answer.
   */
  default void releaseHolds() {}
}
