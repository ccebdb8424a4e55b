-- ChatOps state of pull requests. An /ok-to-test approval binds to the exact head commit, so a
-- new push needs a new approval; a /hold blocks the pull request's runs until /unhold.
-- repo is the registered repository's id; times are epoch milliseconds.

CREATE TABLE pr_approvals (
  repo      INTEGER NOT NULL,
  pr        INTEGER NOT NULL,
  sha       TEXT    NOT NULL,
  approver  TEXT    NOT NULL,
  at        INTEGER NOT NULL,
  PRIMARY KEY (repo, pr, sha)
);

CREATE TABLE pr_holds (
  repo      INTEGER NOT NULL,
  pr        INTEGER NOT NULL,
  held_by   TEXT    NOT NULL,
  at        INTEGER NOT NULL,
  PRIMARY KEY (repo, pr)
);
