package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.plugin.api.GatewayError;
import java.util.List;

/**
 * Turns an upstream's successful stream into the client's bytes, event by event, and tallies usage
 * on the way. One instance per stream; calls are sequential.
 */
interface StreamProcessor {

  /** The client bytes (whole events) a chunk of upstream bytes completes. */
  List<byte[]> onChunk(byte[] chunk, int offset, int length);

  /**
   * The upstream stream ended; the bytes that end the client's stream properly (an {@code error}
   * event if the upstream stopped before its end).
   */
  List<byte[]> onComplete();

  /** The upstream failed or stalled mid-stream: the bytes that end the client's stream. */
  List<byte[]> onError(GatewayError error);

  /**
   * Why the upstream's own bytes broke the stream (an event above the size bound), once they have;
   * otherwise {@code null}. The call that broke it returned the client's last bytes, ending with an
   * {@code error} event; the exchange then cancels the upstream and charges the credential.
   */
  String upstreamFault();

  /** Whether the stream reached its proper end ({@code message_stop}). */
  boolean completedNormally();

  UsageTally usage();
}
