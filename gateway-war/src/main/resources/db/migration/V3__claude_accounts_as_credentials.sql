-- Claude accounts as the official provider's credentials: a provider opts in; requests and usage
-- name the account that served them; the least recently limited account is chosen, across restarts.

ALTER TABLE provider
  ADD COLUMN claude_accounts BOOLEAN NOT NULL DEFAULT FALSE AFTER session_affinity;

ALTER TABLE claude_account
  ADD COLUMN last_limited_at DATETIME(3) NULL AFTER rate_limited_until;

ALTER TABLE request_log
  ADD COLUMN account_id BIGINT NULL AFTER key_id;

ALTER TABLE usage_hourly
  ADD COLUMN account_id BIGINT NOT NULL DEFAULT 0 AFTER key_id,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (hour_start, provider_id, key_id, account_id, client_key_id, model);
