package dev.clauderelay.gateway.application.usage;

/**
 * What the relay remembers of one request. Ids are 0 when unknown (a request refused before a
 * client key or provider was known; the key or the Claude account when the other served).
 *
 * @param status the HTTP status the client received; 499 when the client went away
 * @param errorType the Anthropic error type the client received, or {@code null}
 * @param latencyMs from the request's arrival to its last byte
 * @param firstByteMs from arrival to the first byte sent to the client, -1 if none
 * @param degradations what a translator dropped, or {@code null}
 * @param costNanos what the request cost, in nano-units of its price's currency; 0 when unpriced
 * @param unpriced whether no price matched the model of a request that reached a provider: its
 *     tokens are counted, its cost is unknown
 * @param session the Claude Code session and agent that sent it, {@link ClientSession#NONE} if
 *     unknown
 */
public record RequestRecord(
    String requestId,
    long startedAtMillis,
    long clientKeyId,
    long providerId,
    long keyId,
    long accountId,
    String requestedModel,
    String upstreamModel,
    boolean stream,
    int status,
    String errorType,
    String stopReason,
    long inputTokens,
    long outputTokens,
    long cacheCreationTokens,
    long cacheReadTokens,
    long latencyMs,
    long firstByteMs,
    int attempts,
    String degradations,
    long costNanos,
    boolean unpriced,
    ClientSession session) {

  public RequestRecord {
    session = session == null ? ClientSession.NONE : session;
  }

  public boolean success() {
    return status >= 200 && status < 300 && errorType == null;
  }

  /** Every token the request used, cached ones included: what token budgets count. */
  public long totalTokens() {
    return inputTokens + outputTokens + cacheCreationTokens + cacheReadTokens;
  }
}
