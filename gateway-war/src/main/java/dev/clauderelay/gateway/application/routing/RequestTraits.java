package dev.clauderelay.gateway.application.routing;

/**
 * What scenario routes look at in a request.
 *
 * @param estimatedInputTokens a cheap estimate of the prompt's size
 * @param thinking whether the request asks for extended thinking
 */
public record RequestTraits(long estimatedInputTokens, boolean thinking) {}
