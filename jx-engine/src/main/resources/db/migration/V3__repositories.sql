-- Repositories registered with `jxe import`, and what the poller last saw of each.
-- Times are epoch milliseconds; lists are JSON arrays.

CREATE TABLE repositories (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  provider        TEXT    NOT NULL,
  owner           TEXT    NOT NULL,
  name            TEXT    NOT NULL,
  clone_url       TEXT    NOT NULL,
  api_url         TEXT,
  token_secret    TEXT,
  webhook_secret  TEXT    NOT NULL,
  default_branch  TEXT    NOT NULL,
  trusted_users   TEXT    NOT NULL DEFAULT '[]',
  local_path      TEXT,
  poll_interval_ms INTEGER,
  created_ms      INTEGER NOT NULL,
  UNIQUE (provider, owner, name)
);

-- One row per polled repository: the refs (name -> sha, JSON object) seen by the last poll.
-- No row means never polled: the first poll records refs without triggering anything.
CREATE TABLE repository_polls (
  repo_id         INTEGER PRIMARY KEY REFERENCES repositories (id) ON DELETE CASCADE,
  polled_ms       INTEGER NOT NULL,
  refs            TEXT    NOT NULL
);
