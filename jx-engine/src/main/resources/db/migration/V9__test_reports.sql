-- Test results recorded on an activity (issue #5): one row per report step of a run (`uses: junit`,
-- `jxe step junit`) with its totals, and the cases that did not pass, capped per report step.
-- Version 7 is another feature's; the two were written at the same time.

CREATE TABLE test_reports (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  activity_id      INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  stage            TEXT    NOT NULL,
  step             TEXT    NOT NULL,
  files            INTEGER NOT NULL,
  tests            INTEGER NOT NULL,
  failures         INTEGER NOT NULL,
  errors           INTEGER NOT NULL,
  skipped          INTEGER NOT NULL,
  duration_millis  INTEGER NOT NULL,
  failed_left_out  INTEGER NOT NULL DEFAULT 0,
  UNIQUE (activity_id, stage, step)
);

CREATE TABLE test_failures (
  report_id  INTEGER NOT NULL REFERENCES test_reports(id) ON DELETE CASCADE,
  ordinal    INTEGER NOT NULL,
  kind       TEXT    NOT NULL,
  suite      TEXT    NOT NULL,
  name       TEXT    NOT NULL,
  message    TEXT    NOT NULL,
  trace      TEXT    NOT NULL,
  PRIMARY KEY (report_id, ordinal)
);
