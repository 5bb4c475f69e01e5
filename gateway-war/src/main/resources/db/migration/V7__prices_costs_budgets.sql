-- What a team pays (issue 14): a price per model pattern, each request's cost in the request log
-- and the hourly aggregates, budgets on client keys, and the usage windows Anthropic reports for
-- each Claude account. Costs are stored in nano-units of the price's currency (1e-9), exact
-- integers: no floating point touches money.

CREATE TABLE model_price (
  id                  BIGINT         NOT NULL AUTO_INCREMENT,
  model_pattern       VARCHAR(200)   NOT NULL,
  currency            CHAR(3)        NOT NULL DEFAULT 'USD',
  input_per_mtok      DECIMAL(18,6)  NOT NULL,
  output_per_mtok     DECIMAL(18,6)  NOT NULL,
  cache_write_per_mtok DECIMAL(18,6) NOT NULL,
  cache_read_per_mtok DECIMAL(18,6)  NOT NULL,
  note                VARCHAR(300)   NULL,
  created_at          DATETIME(3)    NOT NULL,
  updated_at          DATETIME(3)    NOT NULL,
  version             BIGINT         NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_model_price_pattern (model_pattern)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

ALTER TABLE request_log
  ADD COLUMN cost_nanos BIGINT NULL AFTER cache_read_tokens,
  ADD COLUMN unpriced BOOLEAN NOT NULL DEFAULT FALSE AFTER cost_nanos;

ALTER TABLE usage_hourly
  ADD COLUMN cost_nanos BIGINT NOT NULL DEFAULT 0 AFTER cache_read_tokens,
  ADD COLUMN unpriced_requests BIGINT NOT NULL DEFAULT 0 AFTER cost_nanos,
  ADD KEY ix_usage_hourly_client_key (client_key_id, hour_start);

ALTER TABLE client_key
  ADD COLUMN daily_cost_limit   DECIMAL(18,6) NULL AFTER rpm_limit,
  ADD COLUMN weekly_cost_limit  DECIMAL(18,6) NULL AFTER daily_cost_limit,
  ADD COLUMN monthly_cost_limit DECIMAL(18,6) NULL AFTER weekly_cost_limit,
  ADD COLUMN daily_token_limit   BIGINT NULL AFTER monthly_cost_limit,
  ADD COLUMN weekly_token_limit  BIGINT NULL AFTER daily_token_limit,
  ADD COLUMN monthly_token_limit BIGINT NULL AFTER weekly_token_limit,
  ADD COLUMN concurrency_limit   INT NULL AFTER monthly_token_limit;

-- The last anthropic-ratelimit-unified-* report of the account, as JSON (see UnifiedWindows).
ALTER TABLE claude_account
  ADD COLUMN usage_windows VARCHAR(2000) NULL AFTER last_limited_at;

-- Seed prices: public list prices per million tokens, in US dollars, as published by each vendor
-- and checked on 2026-12-07. Cache write is what a prompt cache write costs (Anthropic: 1.25x input
-- for the 5-minute cache; vendors without a write charge: the input price); cache read is a cached
-- prompt token (Anthropic: 0.1x input). Tiered prices (Gemini above 200k prompt tokens) are not
-- modelled: the lower tier is used. Admins edit these (API, console, RELAY_PRICES_FILE); the most
-- specific matching pattern wins.
INSERT INTO model_price (model_pattern, currency, input_per_mtok, output_per_mtok,
    cache_write_per_mtok, cache_read_per_mtok, note, created_at, updated_at) VALUES
  ('claude-opus-4*',        'USD', 15.000000, 75.000000, 18.750000, 1.500000, 'Anthropic list price, Opus 4 and 4.1', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('claude-opus-4-5*',      'USD',  5.000000, 25.000000,  6.250000, 0.500000, 'Anthropic list price, Opus 4.5', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('claude-opus-4-6*',      'USD',  5.000000, 25.000000,  6.250000, 0.500000, 'Anthropic list price, Opus 4.6', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('claude-sonnet-4*',      'USD',  3.000000, 15.000000,  3.750000, 0.300000, 'Anthropic list price, Sonnet 4.x', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('claude-3-7-sonnet*',    'USD',  3.000000, 15.000000,  3.750000, 0.300000, 'Anthropic list price', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('claude-haiku-4*',       'USD',  1.000000,  5.000000,  1.250000, 0.100000, 'Anthropic list price, Haiku 4.5', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('claude-3-5-haiku*',     'USD',  0.800000,  4.000000,  1.000000, 0.080000, 'Anthropic list price', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('gpt-4.1',               'USD',  2.000000,  8.000000,  2.000000, 0.500000, 'OpenAI list price', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('gpt-4.1-mini',          'USD',  0.400000,  1.600000,  0.400000, 0.100000, 'OpenAI list price', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('gpt-4o',                'USD',  2.500000, 10.000000,  2.500000, 1.250000, 'OpenAI list price', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('deepseek-chat',         'USD',  0.280000,  0.420000,  0.280000, 0.028000, 'DeepSeek list price (V3.2)', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('deepseek-reasoner',     'USD',  0.280000,  0.420000,  0.280000, 0.028000, 'DeepSeek list price (V3.2)', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('glm-4.6',               'USD',  0.600000,  2.200000,  0.600000, 0.110000, 'Z.ai list price in USD (bigmodel.cn bills CNY)', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('glm-4.5',               'USD',  0.600000,  2.200000,  0.600000, 0.110000, 'Z.ai list price in USD', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('glm-4.5-air',           'USD',  0.200000,  1.100000,  0.200000, 0.030000, 'Z.ai list price in USD', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('glm-4.5-flash',         'USD',  0.000000,  0.000000,  0.000000, 0.000000, 'Z.ai: free', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('Qwen/*',                'USD',  0.000000,  0.000000,  0.000000, 0.000000, 'ModelScope API-Inference: free within its daily quota', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('qwen/qwen3-coder',      'USD',  0.220000,  0.950000,  0.220000, 0.220000, 'OpenRouter list price', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('deepseek/deepseek-chat-v3.1', 'USD', 0.200000, 0.800000, 0.200000, 0.200000, 'OpenRouter list price', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('z-ai/glm-4.6',          'USD',  0.400000,  1.750000,  0.400000, 0.400000, 'OpenRouter list price', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('moonshotai/kimi-k2',    'USD',  0.500000,  2.400000,  0.500000, 0.500000, 'OpenRouter list price', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('openai/gpt-4.1',        'USD',  2.000000,  8.000000,  2.000000, 0.500000, 'OpenRouter list price', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('gemini-2.5-pro',        'USD',  1.250000, 10.000000,  1.250000, 0.125000, 'Google list price, prompts up to 200k tokens', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('gemini-2.5-flash',      'USD',  0.300000,  2.500000,  0.300000, 0.030000, 'Google list price', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('gemini-2.5-flash-lite', 'USD',  0.100000,  0.400000,  0.100000, 0.010000, 'Google list price', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
  ('gemini-3-pro-preview',  'USD',  2.000000, 12.000000,  2.000000, 0.200000, 'Google list price, prompts up to 200k tokens', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3));
