package dev.clauderelay.admin.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/admin/usage/sessions?from=&to=}: usage per Claude Code session over {@code [from,
 * to)}, the most recently active first, each with its main agent and sub-agents. At most {@code
 * limit} sessions; {@code truncated} says when more were active.
 */
public record SessionUsageReport(
    Instant from, Instant to, int limit, boolean truncated, List<Session> sessions)
    implements Serializable {

  /** One session: its totals, then one line per agent (the main agent has a null id). */
  public record Session(
      String sessionId,
      Instant firstSeen,
      Instant lastSeen,
      long requests,
      long errors,
      long inputTokens,
      long outputTokens,
      long cacheCreationTokens,
      long cacheReadTokens,
      List<Agent> agents)
      implements Serializable {}

  /** The requests of one agent of a session. */
  public record Agent(
      String agentId,
      String parentAgentId,
      Instant firstSeen,
      Instant lastSeen,
      long requests,
      long errors,
      long inputTokens,
      long outputTokens,
      long cacheCreationTokens,
      long cacheReadTokens)
      implements Serializable {}
}
