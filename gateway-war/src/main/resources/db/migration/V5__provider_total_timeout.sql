-- Every request gets a total bound, stream or not, attempts included: an upstream that trickles a
-- stream forever, or answers headers and then nothing, must not hold a request open without end.
-- Per provider like its other timeouts; an hour by default, so that long streamed answers from a
-- slow upstream still finish (see ProviderSettings.DEFAULT_TOTAL_TIMEOUT_MS).

ALTER TABLE provider ADD COLUMN total_timeout_ms INT NOT NULL DEFAULT 3600000 AFTER stream_idle_timeout_ms;
