-- The engine server: durable webhook intake and the queue of runs it decided on.
-- Times are epoch milliseconds.

-- One row per (provider, delivery id): a provider re-sending a delivery stores nothing new.
-- The event is kept mapped (event_kind + event_json) so the worker never needs the secret
-- again; the raw body and headers are kept for audit (secret-bearing headers redacted).
CREATE TABLE deliveries (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  provider          TEXT    NOT NULL,
  delivery_id       TEXT    NOT NULL,
  event_name        TEXT    NOT NULL,
  headers           TEXT    NOT NULL,
  body              BLOB    NOT NULL,
  repository_id     INTEGER,
  event_kind        TEXT    NOT NULL,
  event_json        TEXT    NOT NULL,
  received_ms       INTEGER NOT NULL,
  state             TEXT    NOT NULL,
  attempts          INTEGER NOT NULL DEFAULT 0,
  error             TEXT,
  note              TEXT,
  UNIQUE (provider, delivery_id)
);
-- The worker claims the oldest received delivery.
CREATE INDEX deliveries_state ON deliveries (state, id);

-- Each decided run is queued once: the trigger key (delivery id + pipeline) is unique.
-- NULL for runs not started by the server (jxe run); SQLite lets NULLs repeat in a unique index.
ALTER TABLE activities ADD COLUMN trigger_key TEXT;
CREATE UNIQUE INDEX activities_trigger_key ON activities (trigger_key);

-- What a queued run needs to start, and to be re-run later: written with its activity, in one
-- transaction.
CREATE TABLE queued_runs (
  activity_id       INTEGER PRIMARY KEY REFERENCES activities (id) ON DELETE CASCADE,
  repository_id     INTEGER NOT NULL,
  pipeline_yaml     TEXT    NOT NULL,
  context_json      TEXT    NOT NULL,
  checkout_url      TEXT    NOT NULL,
  checkout_sha      TEXT    NOT NULL,
  with_secrets      INTEGER NOT NULL,
  status_context    TEXT    NOT NULL
);
