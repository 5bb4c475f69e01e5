package dev.clauderelay.gateway.application.relay;

import dev.clauderelay.gateway.application.topology.ClientKeyView;
import dev.clauderelay.gateway.application.usage.ClientSession;
import java.util.List;
import java.util.Map;

/**
 * One client request as the relay received and checked it, immutable.
 *
 * @param clientKey the authenticated key, or {@code null} when the relay is open
 * @param endpoint which endpoint was called
 * @param query the query string as the client sent it ({@code beta=true}), or {@code null}
 * @param headers the client's headers (names as sent)
 * @param session the Claude Code session the request belongs to, {@link ClientSession#NONE} when it
 *     named none
 */
public record RelayRequest(
    String requestId,
    long startedNanos,
    long startedAtMillis,
    ClientKeyView clientKey,
    Endpoint endpoint,
    MessagesRequest body,
    String query,
    Map<String, List<String>> headers,
    ClientSession session) {

  /** The client endpoints the relay forwards. */
  public enum Endpoint {
    MESSAGES("/v1/messages"),
    COUNT_TOKENS("/v1/messages/count_tokens");

    private final String path;

    Endpoint(String path) {
      this.path = path;
    }

    public String path() {
      return path;
    }
  }
}
