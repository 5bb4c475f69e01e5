package dev.clauderelay.plugin.api;

import java.util.function.Consumer;

/**
 * What a transformer may know about the request it translates.
 *
 * @param requestedModel the model the client asked for
 * @param upstreamModel the model the route sends upstream
 * @param stream whether the client asked for a stream
 * @param messageId the {@code msg_...} id to give the response, made by the relay so translators
 *     need no random source
 * @param degradation receives one short sentence for each field or block the upstream cannot take
 *     and the translator dropped on purpose; the relay reports them in the {@code x-relay-degraded}
 *     header and the request log
 * @param clientSessionId the client's conversation id as its {@code x-claude-code-session-id}
 *     header gives it (at most 200 characters), or {@code null} when the client sent none; a
 *     translator may pass it upstream as a cache or routing key. Never a secret. Added in plugin
 *     API 1.2; the five-argument constructor leaves it {@code null}.
 */
public record TranslationContext(
    String requestedModel,
    String upstreamModel,
    boolean stream,
    String messageId,
    Consumer<String> degradation,
    String clientSessionId) {

  /** A context without a client session (plugin API 1.1's constructor). */
  public TranslationContext(
      String requestedModel,
      String upstreamModel,
      boolean stream,
      String messageId,
      Consumer<String> degradation) {
    this(requestedModel, upstreamModel, stream, messageId, degradation, null);
  }
}
