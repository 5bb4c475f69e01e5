-- The relay's domain (see DESIGN.md "State"). Times are UTC, DATETIME(3).
-- Secrets are stored encrypted (AES-GCM, *_ciphertext) or hashed (*_hash), never in clear.

CREATE TABLE relay_setting (
  name        VARCHAR(128)  NOT NULL,
  value       TEXT          NOT NULL,
  updated_at  DATETIME(3)   NOT NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE provider (
  id                     BIGINT        NOT NULL AUTO_INCREMENT,
  name                   VARCHAR(100)  NOT NULL,
  kind                   VARCHAR(32)   NOT NULL,
  base_url               VARCHAR(1000) NOT NULL,
  transformer_id         VARCHAR(100)  NULL,
  strategy_id            VARCHAR(100)  NOT NULL DEFAULT 'round-robin',
  models                 TEXT          NOT NULL,
  model_aliases          TEXT          NOT NULL,
  betas_to_drop          TEXT          NOT NULL,
  connect_timeout_ms     INT           NOT NULL DEFAULT 10000,
  first_byte_timeout_ms  INT           NOT NULL DEFAULT 300000,
  stream_idle_timeout_ms INT           NOT NULL DEFAULT 300000,
  enabled                BOOLEAN       NOT NULL DEFAULT TRUE,
  created_at             DATETIME(3)   NOT NULL,
  updated_at             DATETIME(3)   NOT NULL,
  version                BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_provider_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE provider_key (
  id                  BIGINT        NOT NULL AUTO_INCREMENT,
  provider_id         BIGINT        NOT NULL,
  secret_ciphertext   VARCHAR(2048) NOT NULL,
  secret_fingerprint  CHAR(64)      NOT NULL,
  masked              VARCHAR(64)   NOT NULL,
  label               VARCHAR(200)  NULL,
  weight              INT           NOT NULL DEFAULT 1,
  status              VARCHAR(20)   NOT NULL DEFAULT 'ACTIVE',
  status_until        DATETIME(3)   NULL,
  status_reason       VARCHAR(500)  NULL,
  rpm_limit           INT           NULL,
  concurrency_limit   INT           NULL,
  total_requests      BIGINT        NOT NULL DEFAULT 0,
  total_successes     BIGINT        NOT NULL DEFAULT 0,
  total_failures      BIGINT        NOT NULL DEFAULT 0,
  rate_limited_count  BIGINT        NOT NULL DEFAULT 0,
  last_used_at        DATETIME(3)   NULL,
  last_error          VARCHAR(500)  NULL,
  last_error_at       DATETIME(3)   NULL,
  created_at          DATETIME(3)   NOT NULL,
  updated_at          DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_provider_key_fingerprint (provider_id, secret_fingerprint),
  KEY ix_provider_key_status (provider_id, status),
  CONSTRAINT fk_provider_key_provider FOREIGN KEY (provider_id) REFERENCES provider (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE claude_account (
  id                        BIGINT        NOT NULL AUTO_INCREMENT,
  name                      VARCHAR(100)  NOT NULL,
  auth_type                 VARCHAR(20)   NOT NULL,
  status                    VARCHAR(20)   NOT NULL DEFAULT 'PENDING',
  status_reason             VARCHAR(500)  NULL,
  access_token_ciphertext   VARCHAR(4096) NULL,
  refresh_token_ciphertext  VARCHAR(4096) NULL,
  api_key_ciphertext        VARCHAR(2048) NULL,
  masked_credential         VARCHAR(64)   NULL,
  scopes                    VARCHAR(500)  NULL,
  expires_at                DATETIME(3)   NULL,
  last_refresh_at           DATETIME(3)   NULL,
  rate_limited_until        DATETIME(3)   NULL,
  pkce_verifier_ciphertext  VARCHAR(1024) NULL,
  oauth_state               VARCHAR(128)  NULL,
  created_at                DATETIME(3)   NOT NULL,
  updated_at                DATETIME(3)   NOT NULL,
  version                   BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_claude_account_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE client_key (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  name            VARCHAR(100)  NOT NULL,
  key_hash        CHAR(64)      NOT NULL,
  masked          VARCHAR(64)   NOT NULL,
  enabled         BOOLEAN       NOT NULL DEFAULT TRUE,
  allowed_models  TEXT          NOT NULL,
  rpm_limit       INT           NULL,
  expires_at      DATETIME(3)   NULL,
  last_used_at    DATETIME(3)   NULL,
  created_at      DATETIME(3)   NOT NULL,
  updated_at      DATETIME(3)   NOT NULL,
  version         BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_client_key_name (name),
  UNIQUE KEY uk_client_key_hash (key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE route (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  position        INT           NOT NULL,
  scenario        VARCHAR(32)   NOT NULL DEFAULT 'MODEL',
  match_pattern   VARCHAR(200)  NOT NULL,
  provider_id     BIGINT        NOT NULL,
  upstream_model  VARCHAR(200)  NULL,
  fallbacks       TEXT          NOT NULL,
  threshold       BIGINT        NULL,
  enabled         BOOLEAN       NOT NULL DEFAULT TRUE,
  created_at      DATETIME(3)   NOT NULL,
  updated_at      DATETIME(3)   NOT NULL,
  version         BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  KEY ix_route_position (position),
  CONSTRAINT fk_route_provider FOREIGN KEY (provider_id) REFERENCES provider (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE usage_hourly (
  hour_start            DATETIME      NOT NULL,
  provider_id           BIGINT        NOT NULL,
  key_id                BIGINT        NOT NULL,
  client_key_id         BIGINT        NOT NULL,
  model                 VARCHAR(200)  NOT NULL,
  requests              BIGINT        NOT NULL DEFAULT 0,
  successes             BIGINT        NOT NULL DEFAULT 0,
  failures              BIGINT        NOT NULL DEFAULT 0,
  rate_limited          BIGINT        NOT NULL DEFAULT 0,
  input_tokens          BIGINT        NOT NULL DEFAULT 0,
  output_tokens         BIGINT        NOT NULL DEFAULT 0,
  cache_creation_tokens BIGINT        NOT NULL DEFAULT 0,
  cache_read_tokens     BIGINT        NOT NULL DEFAULT 0,
  latency_ms_total      BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (hour_start, provider_id, key_id, client_key_id, model),
  KEY ix_usage_hourly_provider (provider_id, hour_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE request_log (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  request_id            VARCHAR(64)   NOT NULL,
  started_at            DATETIME(3)   NOT NULL,
  client_key_id         BIGINT        NULL,
  provider_id           BIGINT        NULL,
  key_id                BIGINT        NULL,
  requested_model       VARCHAR(200)  NULL,
  upstream_model        VARCHAR(200)  NULL,
  stream                BOOLEAN       NOT NULL DEFAULT FALSE,
  status                INT           NOT NULL,
  error_type            VARCHAR(64)   NULL,
  stop_reason           VARCHAR(64)   NULL,
  input_tokens          BIGINT        NOT NULL DEFAULT 0,
  output_tokens         BIGINT        NOT NULL DEFAULT 0,
  cache_creation_tokens BIGINT        NOT NULL DEFAULT 0,
  cache_read_tokens     BIGINT        NOT NULL DEFAULT 0,
  latency_ms            INT           NOT NULL DEFAULT 0,
  first_byte_ms         INT           NULL,
  attempts              INT           NOT NULL DEFAULT 1,
  degradations          VARCHAR(1000) NULL,
  PRIMARY KEY (id),
  KEY ix_request_log_started (started_at),
  KEY ix_request_log_provider (provider_id, started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE audit_log (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  at           DATETIME(3)   NOT NULL,
  actor        VARCHAR(100)  NOT NULL,
  action       VARCHAR(100)  NOT NULL,
  target_type  VARCHAR(50)   NULL,
  target_id    VARCHAR(100)  NULL,
  detail       VARCHAR(2000) NULL,
  remote_addr  VARCHAR(64)   NULL,
  PRIMARY KEY (id),
  KEY ix_audit_log_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
