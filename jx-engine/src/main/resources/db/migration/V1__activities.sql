-- Activity records, modelled on Jenkins X's PipelineActivity. Times are epoch milliseconds.

CREATE TABLE activities (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  owner             TEXT    NOT NULL,
  repo              TEXT    NOT NULL,
  branch            TEXT    NOT NULL,
  build             INTEGER NOT NULL,
  context           TEXT,
  status            TEXT    NOT NULL,
  created_ms        INTEGER NOT NULL,
  started_ms        INTEGER,
  completed_ms      INTEGER,
  git_url           TEXT,
  commit_sha        TEXT,
  commit_message    TEXT,
  author            TEXT,
  pull_title        TEXT,
  pull_number       INTEGER,
  base_sha          TEXT,
  version           TEXT,
  source            TEXT,
  event             TEXT,
  build_url         TEXT,
  message           TEXT    NOT NULL DEFAULT '',
  runner_pid        INTEGER NOT NULL DEFAULT 0,
  runner_start_ms   INTEGER NOT NULL DEFAULT 0,
  stop_requested    INTEGER NOT NULL DEFAULT 0
);

-- Build numbers count per pipeline; this index also serves find() and owner/repo/branch filters.
CREATE UNIQUE INDEX activities_pipeline_build ON activities (owner, repo, branch, build);
-- Status filter and crash recovery (which scans the unfinished ones).
CREATE INDEX activities_status ON activities (status, id);
CREATE INDEX activities_source ON activities (source, id);

CREATE TABLE steps (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  activity_id       INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  parent_id         INTEGER REFERENCES steps (id) ON DELETE CASCADE,
  kind              TEXT    NOT NULL,
  name              TEXT    NOT NULL,
  ordinal           INTEGER NOT NULL,
  status            TEXT    NOT NULL,
  started_ms        INTEGER,
  completed_ms      INTEGER,
  exit_code         INTEGER,
  attempts          INTEGER NOT NULL DEFAULT 0,
  message           TEXT    NOT NULL DEFAULT '',
  pid               INTEGER,
  pid_start_ms      INTEGER
);

-- list() loads the steps of many activities in one query; this keeps it an index range scan.
CREATE INDEX steps_activity ON steps (activity_id, id);
CREATE INDEX steps_parent ON steps (parent_id);
