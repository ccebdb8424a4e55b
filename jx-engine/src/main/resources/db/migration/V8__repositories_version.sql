-- A counter that every change to `repositories` bumps, whichever process makes it (`jxe import`
-- in a shell while `jxe server` runs). The server keeps the repositories in memory and reads
-- this one integer to know whether its copy is still current, instead of reading the
-- repository's row (twice) for every webhook delivery.

CREATE TABLE repositories_version (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  version  INTEGER NOT NULL
);
INSERT INTO repositories_version (id, version) VALUES (1, 0);

CREATE TRIGGER repositories_version_insert AFTER INSERT ON repositories
BEGIN
  UPDATE repositories_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER repositories_version_update AFTER UPDATE ON repositories
BEGIN
  UPDATE repositories_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER repositories_version_delete AFTER DELETE ON repositories
BEGIN
  UPDATE repositories_version SET version = version + 1 WHERE id = 1;
END;
