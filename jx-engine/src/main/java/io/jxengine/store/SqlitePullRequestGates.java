package io.jxengine.store;

import io.jxengine.activity.StoreException;
import io.jxengine.server.trigger.PullRequestGates;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

/**
 * Approvals and holds of pull requests in the store's SQLite file (tables {@code pr_approvals}
 * and {@code pr_holds}, migration V4). Its own connection to the file the activity store uses;
 * {@link StoreDb} serialises its use, and each call is one transaction.
 */
public final class SqlitePullRequestGates implements PullRequestGates, AutoCloseable {
  private final StoreDb db;
  private final Clock clock;

  private SqlitePullRequestGates(StoreDb db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Opens (creating and migrating if needed) the store file.
   *
   * @throws StoreException when the file cannot be opened or migrated
   */
  public static SqlitePullRequestGates open(Path dbFile) {
    return open(dbFile, Clock.systemUTC());
  }

  static SqlitePullRequestGates open(Path dbFile, Clock clock) {
    return new SqlitePullRequestGates(StoreFile.openAtLatest(dbFile).db(), clock);
  }

  @Override
  public void approve(long repoId, int pr, String sha, String approver) {
    db.write("record the approval of #" + pr + " at " + sha, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT OR IGNORE INTO pr_approvals (repo, pr, sha, approver, at) VALUES (?, ?, ?, ?, ?)")) {
        Sql.bind(ps, repoId, pr, sha, approver, clock.instant());
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public boolean isApproved(long repoId, int pr, String sha) {
    return db.single("read the approvals of #" + pr, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT 1 FROM pr_approvals WHERE repo = ? AND pr = ? AND sha = ?")) {
        Sql.bind(ps, repoId, pr, sha);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  @Override
  public void hold(long repoId, int pr, String by) {
    db.write("hold #" + pr, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT OR IGNORE INTO pr_holds (repo, pr, held_by, at) VALUES (?, ?, ?, ?)")) {
        Sql.bind(ps, repoId, pr, by, clock.instant());
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public boolean unhold(long repoId, int pr) {
    return db.write("unhold #" + pr, c -> {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM pr_holds WHERE repo = ? AND pr = ?")) {
        Sql.bind(ps, repoId, pr);
        return ps.executeUpdate() > 0;
      }
    });
  }

  @Override
  public Optional<String> heldBy(long repoId, int pr) {
    return db.single("read the hold of #" + pr, c -> {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT held_by FROM pr_holds WHERE repo = ? AND pr = ?")) {
        Sql.bind(ps, repoId, pr);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
        }
      }
    });
  }


  @Override
  public void close() {
    db.close();
  }
}
