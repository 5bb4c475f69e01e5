-- Each batch of usage the recorder writes leaves its id in the same transaction. A batch whose
-- write failed ambiguously (the commit went through but its answer or the connection's close did
-- not) is retried under the same id, and the id already present says it is written: no request is
-- counted twice. Rows are pruned after a day; a retry happens within seconds.

CREATE TABLE usage_batch (
  id          CHAR(36)     NOT NULL,
  written_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_usage_batch_written (written_at)
) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin;
