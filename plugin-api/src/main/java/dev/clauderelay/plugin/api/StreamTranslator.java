package dev.clauderelay.plugin.api;

import java.util.List;

/**
 * Turns one upstream event stream into Anthropic Messages stream events, for exactly one stream.
 *
 * <p><b>State:</b> an instance holds the state of one stream and is never shared or reused; the
 * relay makes one per stream through {@link Transformer#newStreamTranslator}. <b>Threading:</b>
 * calls for one stream are sequential (never concurrent) but may come from different threads.
 * <b>Output grammar:</b> the concatenated output of all calls satisfies {@code message_start
 * (content_block_start delta* content_block_stop)* message_delta message_stop}, with contiguous
 * block indexes, delta types matching block types, and nothing after {@code message_stop}; or ends
 * with one {@code error} event. <b>Failure:</b> an exception means the upstream sent something
 * untranslatable; the relay ends the client's stream with an {@code api_error} event.
 */
public interface StreamTranslator {

  /**
   * Translates one upstream event.
   *
   * @return the client events to write now, in order; empty when the event only updates state
   */
  List<SseEvent> onEvent(SseEvent upstreamEvent);

  /** The upstream stream ended normally: returns the events that close the client's stream. */
  List<SseEvent> onComplete();

  /**
   * The upstream stream failed or stalled after it had started: returns the events that end the
   * client's stream, the last of them an {@code error} event carrying {@code error}.
   */
  List<SseEvent> onError(GatewayError error);
}
