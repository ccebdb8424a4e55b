-- GitOps environments (issue #6). An environment is a git repository (env.yaml, apps/) that the
-- engine promotes into; times are epoch milliseconds.

CREATE TABLE environments (
  name          TEXT    PRIMARY KEY,
  namespace     TEXT    NOT NULL,
  strategy      TEXT    NOT NULL,
  cluster       TEXT    NOT NULL DEFAULT '',
  repo_url      TEXT    NOT NULL,
  provider      TEXT    NOT NULL,
  owner         TEXT,
  repo_name     TEXT,
  api_url       TEXT,
  token_secret  TEXT,
  branch        TEXT    NOT NULL DEFAULT 'main',
  created       INTEGER NOT NULL
);

-- Which version of which application runs in which environment, written by `jxe env apply`.
CREATE TABLE deployments (
  app           TEXT    NOT NULL,
  environment   TEXT    NOT NULL,
  version       TEXT    NOT NULL,
  commit_sha    TEXT,
  applied       INTEGER NOT NULL,
  PRIMARY KEY (app, environment)
);

-- `jxe promote --approve`: an approval of the open promotion of app to version in environment.
CREATE TABLE promotion_approvals (
  environment   TEXT    NOT NULL,
  app           TEXT    NOT NULL,
  version       TEXT    NOT NULL,
  approver      TEXT    NOT NULL,
  at            INTEGER NOT NULL,
  PRIMARY KEY (environment, app, version)
);
