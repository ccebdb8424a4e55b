-- Approval gates of runs (a step with `approval:`, Jenkins' `input`). The runner inserts a row
-- when its step starts waiting and polls it; `jxe approve` (any process) or the server records
-- the decision. state: Waiting, Approved, Rejected, TimedOut, Stopped. submitters is a
-- newline-separated list of user names (empty: anyone who may change runs). Times are epoch ms.

CREATE TABLE approvals (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  activity_id  INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  stage        TEXT    NOT NULL,
  step         TEXT    NOT NULL,
  message      TEXT    NOT NULL,
  ok_label     TEXT    NOT NULL,
  submitters   TEXT    NOT NULL DEFAULT '',
  state        TEXT    NOT NULL,
  requested_ms INTEGER NOT NULL,
  deadline_ms  INTEGER,
  decided_by   TEXT,
  decided_ms   INTEGER,
  UNIQUE (activity_id, stage, step)
);
