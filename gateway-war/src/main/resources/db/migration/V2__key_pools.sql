-- Key pools: session affinity per provider; per-key outcome counters by class and latency;
-- the admin's status decisions versioned (admin_revision) so the batched state writer never
-- overwrites one; per-(key, model) limits and quota-window counts (Gemini's per-model quotas).

ALTER TABLE provider
  ADD COLUMN session_affinity BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE provider_key
  ADD COLUMN admin_revision       BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN failures_key_invalid BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN failures_quota       BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN failures_overloaded  BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN failures_upstream    BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN client_errors        BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN latency_ms_total     BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN latency_count        BIGINT NOT NULL DEFAULT 0;

CREATE TABLE provider_key_model_state (
  key_id           BIGINT        NOT NULL,
  model            VARCHAR(200)  NOT NULL,
  status           VARCHAR(20)   NULL,
  status_until     DATETIME(3)   NULL,
  status_reason    VARCHAR(500)  NULL,
  window_start     DATETIME(3)   NULL,
  window_requests  BIGINT        NOT NULL DEFAULT 0,
  updated_at       DATETIME(3)   NOT NULL,
  PRIMARY KEY (key_id, model),
  CONSTRAINT fk_model_state_key FOREIGN KEY (key_id) REFERENCES provider_key (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
