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
 */
public record TranslationContext(
    String requestedModel,
    String upstreamModel,
    boolean stream,
    String messageId,
    Consumer<String> degradation) {}
