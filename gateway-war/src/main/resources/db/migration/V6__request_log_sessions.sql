-- Claude Code names its session (x-claude-code-session-id, or the session_id inside
-- metadata.user_id) and, for sub-agents, the agent and its parent. The request log keeps them so an
-- admin sees usage per session and per sub-agent; the index serves the sessions report, which
-- reads a period of the log grouped by session.

ALTER TABLE request_log
  ADD COLUMN session_id      VARCHAR(128) NULL,
  ADD COLUMN agent_id        VARCHAR(128) NULL,
  ADD COLUMN parent_agent_id VARCHAR(128) NULL,
  ADD KEY ix_request_log_session (started_at, session_id);
