package io.jxengine.store;

import io.jxengine.activity.StoreException;
import io.jxengine.approval.ApprovalRecord;
import io.jxengine.approval.ApprovalState;
import io.jxengine.approval.ApprovalStore;
import io.jxengine.model.Approval;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Approval gates in the store's SQLite file (table {@code approvals}, migration V7), on a
 * connection of its own to the file the activity store uses. {@link StoreDb} serialises its use;
 * each call is one transaction, and a runner's poll is one indexed single-row read.
 */
public final class SqliteApprovalStore implements ApprovalStore {
  private static final String COLUMNS = "id, activity_id, stage, step, message, ok_label, submitters,"
      + " state, requested_ms, deadline_ms, decided_by, decided_ms";

  private final StoreDb db;
  private final Clock clock;

  private SqliteApprovalStore(StoreDb db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Opens (creating and migrating if needed) the store file.
   *
   * @throws StoreException when the file cannot be opened or migrated
   */
  public static SqliteApprovalStore open(Path dbFile) {
    return new SqliteApprovalStore(StoreFile.openAtLatest(dbFile).db(), Clock.systemUTC());
  }

  @Override
  public ApprovalRecord open(
      long activityId, String stage, String step, Approval approval, Instant deadline) {
    return db.write("record the approval gate " + stage + "/" + step, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT OR IGNORE INTO approvals (activity_id, stage, step, message, ok_label, submitters,"
              + " state, requested_ms, deadline_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        Sql.bind(ps, activityId, stage, step, approval.message(), approval.ok(),
            String.join("\n", approval.submitters()), ApprovalState.Waiting, clock.instant(),
            deadline);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
          + " FROM approvals WHERE activity_id = ? AND stage = ? AND step = ?")) {
        Sql.bind(ps, activityId, stage, step);
        return list(ps).get(0);
      }
    });
  }

  @Override
  public Optional<ApprovalRecord> get(long id) {
    return db.single("read approval gate " + id, c -> {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT " + COLUMNS + " FROM approvals WHERE id = ?")) {
        Sql.bind(ps, id);
        return list(ps).stream().findFirst();
      }
    });
  }

  @Override
  public List<ApprovalRecord> forActivity(long activityId) {
    return db.single("read the approval gates of activity " + activityId, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM approvals WHERE activity_id = ? ORDER BY id")) {
        Sql.bind(ps, activityId);
        return list(ps);
      }
    });
  }

  @Override
  public boolean settle(long id, ApprovalState state, String user) {
    return db.write("record the decision on approval gate " + id, c -> update(c, id, state, user));
  }

  private boolean update(Connection c, long id, ApprovalState state, String user)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE approvals SET state = ?, decided_by = ?, decided_ms = ? WHERE id = ? AND state = ?")) {
      Sql.bind(ps, state, user, clock.instant(), id, ApprovalState.Waiting);
      return ps.executeUpdate() == 1;
    }
  }

  private static List<ApprovalRecord> list(PreparedStatement ps) throws SQLException {
    List<ApprovalRecord> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String submitters = rs.getString("submitters");
        out.add(new ApprovalRecord(
            rs.getLong("id"), rs.getLong("activity_id"), rs.getString("stage"),
            rs.getString("step"), rs.getString("message"), rs.getString("ok_label"),
            submitters.isEmpty() ? List.of() : Arrays.asList(submitters.split("\n")),
            Sql.enumOf(ApprovalState.class, rs, "state"), Sql.instant(rs, "requested_ms"),
            Sql.instant(rs, "deadline_ms"), rs.getString("decided_by"),
            Sql.instant(rs, "decided_ms")));
      }
    }
    return out;
  }

  @Override
  public void close() {
    db.close();
  }
}
