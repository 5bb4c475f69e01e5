package dev.clauderelay.gateway.application.usage;

/**
 * Which Claude Code session (and which of its agents) a request belongs to, as the client said it:
 * the relay keeps a session on one credential and groups usage by session and sub-agent. Every part
 * is bounded and printable, or {@code null} when the client did not say.
 *
 * @param sessionId Claude Code's session ({@code x-claude-code-session-id}, else the {@code
 *     session_id} inside {@code metadata.user_id})
 * @param agentId the sub-agent that sent the request ({@code x-claude-code-agent-id}), or {@code
 *     null} for the main agent
 * @param parentAgentId the agent that started that sub-agent ({@code
 *     x-claude-code-parent-agent-id})
 * @param affinityKey what session affinity keeps on one credential: the session id when known, else
 *     {@code metadata.user_id} as sent; {@code null} when neither is known
 */
public record ClientSession(
    String sessionId, String agentId, String parentAgentId, String affinityKey) {

  /** A request that named no session. */
  public static final ClientSession NONE = new ClientSession(null, null, null, null);
}
