package io.jxengine.store;

import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import io.jxengine.activity.StepRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for the {@code steps} table. Callers supply the connection and the transaction. */
final class StepTable {
  private static final String COLUMNS =
      "id, activity_id, parent_id, kind, name, ordinal, status, started_ms, completed_ms,"
          + " exit_code, attempts, message";

  private static final String UNFINISHED = "('Pending', 'Running', 'WaitingForApproval')";

  /** A process recorded for an unfinished step. */
  record StepProcess(long stepId, long pid, long startMillis) {}

  private StepTable() {}

  static StepRecord insert(
      Connection c, long activityId, Long parentId, StepKind kind, String name, int ordinal)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO steps (activity_id, parent_id, kind, name, ordinal, status)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
            PreparedStatement.RETURN_GENERATED_KEYS)) {
      Sql.bind(ps, activityId, parentId, kind, name, ordinal, Status.Pending);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return new StepRecord(
            keys.getLong(1), activityId, parentId, kind, name, ordinal, Status.Pending, null,
            null, null, 0, "");
      }
    }
  }

  /** Null times, exit code and message keep their old values. */
  static int update(
      Connection c, long stepId, Status status, Instant started, Instant completed,
      Integer exitCode, int attempts, String message) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE steps SET status = ?, started_ms = COALESCE(?, started_ms),"
                + " completed_ms = COALESCE(?, completed_ms),"
                + " exit_code = COALESCE(?, exit_code), attempts = ?,"
                + " message = COALESCE(?, message) WHERE id = ?")) {
      Sql.bind(ps, status, started, completed, exitCode, attempts, message, stepId);
      return ps.executeUpdate();
    }
  }

  static int recordProcess(Connection c, long stepId, long pid, long startMillis)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE steps SET pid = ?, pid_start_ms = ? WHERE id = ?")) {
      Sql.bind(ps, pid, startMillis, stepId);
      return ps.executeUpdate();
    }
  }

  static boolean exists(Connection c, long stepId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM steps WHERE id = ?")) {
      Sql.bind(ps, stepId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * The steps of every activity whose id the sub-query selects, grouped by activity id, each
   * group in the order the steps were added.
   */
  static Map<Long, List<StepRecord>> ofActivities(Connection c, String idsSql, Object... params)
      throws SQLException {
    Map<Long, List<StepRecord>> byActivity = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM steps WHERE activity_id IN (" + idsSql + ")"
                + " ORDER BY activity_id, id")) {
      Sql.bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          StepRecord step = step(rs);
          byActivity.computeIfAbsent(step.activityId(), id -> new ArrayList<>()).add(step);
        }
      }
    }
    return byActivity;
  }

  /**
   * Processes recorded for the activity's steps, finished ones too: steps share a step shell, so
   * the shell recorded by an earlier step may be running the unfinished one (whose own record may
   * not be written yet). Callers check that each is still the recorded process (pid and start).
   */
  static List<StepProcess> recordedProcesses(Connection c, long activityId)
      throws SQLException {
    List<StepProcess> processes = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT MIN(id), pid, COALESCE(pid_start_ms, 0) FROM steps"
                + " WHERE activity_id = ? AND pid > 0 GROUP BY pid, COALESCE(pid_start_ms, 0)")) {
      Sql.bind(ps, activityId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          processes.add(new StepProcess(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
        }
      }
    }
    return processes;
  }

  /**
   * Ends the unfinished steps of an activity whose engine died: steps that never left Pending
   * become NotExecuted, the ones that were under way become Error.
   */
  static void endUnfinished(Connection c, long activityId, Instant now, String message)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE steps SET"
                + " completed_ms = CASE WHEN status = 'Pending' THEN completed_ms ELSE ? END,"
                + " message = CASE WHEN status = 'Pending' THEN message ELSE ? END,"
                + " status = CASE WHEN status = 'Pending' THEN 'NotExecuted' ELSE 'Error' END"
                + " WHERE activity_id = ? AND status IN " + UNFINISHED)) {
      Sql.bind(ps, now, message, activityId);
      ps.executeUpdate();
    }
  }

  private static StepRecord step(ResultSet rs) throws SQLException {
    return new StepRecord(
        rs.getLong("id"),
        rs.getLong("activity_id"),
        Sql.longOrNull(rs, "parent_id"),
        Sql.enumOf(StepKind.class, rs, "kind"),
        rs.getString("name"),
        rs.getInt("ordinal"),
        Sql.enumOf(Status.class, rs, "status"),
        Sql.instant(rs, "started_ms"),
        Sql.instant(rs, "completed_ms"),
        Sql.integer(rs, "exit_code"),
        rs.getInt("attempts"),
        rs.getString("message"));
  }
}
