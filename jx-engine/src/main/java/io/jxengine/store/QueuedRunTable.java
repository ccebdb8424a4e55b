package io.jxengine.store;

import io.jxengine.activity.Status;
import io.jxengine.engine.RunContext;
import io.jxengine.server.runs.QueuedRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * SQL for the server's queue: the {@code queued_runs} table and the {@code trigger_key} and
 * runner columns of {@code activities}. Callers supply the connection and the transaction.
 */
final class QueuedRunTable {
  private QueuedRunTable() {}

  static Optional<Long> activityOfTrigger(Connection c, String triggerKey) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM activities WHERE trigger_key = ?")) {
      Sql.bind(ps, triggerKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  static void insert(Connection c, long activityId, QueuedRun run, String contextJson)
      throws SQLException {
    update(c, "UPDATE activities SET trigger_key = ? WHERE id = ?", run.triggerKey(), activityId);
    update(c, "INSERT INTO queued_runs (activity_id, repository_id, pipeline_yaml, context_json,"
            + " checkout_url, checkout_sha, with_secrets, status_context)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        activityId, run.repositoryId(), run.pipelineYaml(), contextJson, run.checkoutUrl(),
        run.checkoutSha(), run.withSecrets(), run.statusContext());
  }

  static Optional<QueuedRun> spec(
      Connection c, long activityId, Function<String, RunContext> contextOf) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT q.*, a.trigger_key, a.context, a.source FROM queued_runs q"
                + " JOIN activities a ON a.id = q.activity_id WHERE q.activity_id = ?")) {
      Sql.bind(ps, activityId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new QueuedRun(
            rs.getLong("repository_id"), rs.getString("trigger_key"), rs.getString("context"),
            rs.getString("source"), rs.getString("pipeline_yaml"),
            contextOf.apply(rs.getString("context_json")), rs.getString("checkout_url"),
            rs.getString("checkout_sha"), rs.getInt("with_secrets") != 0,
            rs.getString("status_context")));
      }
    }
  }

  static List<Long> unclaimed(Connection c) throws SQLException {
    return ids(c, "SELECT a.id FROM activities a JOIN queued_runs q ON q.activity_id = a.id"
        + " WHERE a.status = ? AND a.runner_pid = 0 ORDER BY a.id", Status.Pending);
  }

  static int claim(Connection c, long activityId, long pid, long startMillis)
      throws SQLException {
    return update(c, "UPDATE activities SET runner_pid = ?, runner_start_ms = ?"
            + " WHERE id = ? AND status = ? AND runner_pid = 0",
        pid, startMillis, activityId, Status.Pending);
  }

  static int abortUnclaimed(Connection c, long activityId, String message, long nowMillis)
      throws SQLException {
    return update(c, "UPDATE activities SET status = ?, completed_ms = ?, message = ?"
            + " WHERE id = ? AND status = ? AND runner_pid = 0",
        Status.Aborted, nowMillis, message, activityId, Status.Pending);
  }

  static List<Long> unfinished(
      Connection c, String owner, String repo, int pullNumber, String pipeline)
      throws SQLException {
    return ids(c, "SELECT id FROM activities WHERE owner = ? AND repo = ? AND pull_number = ?"
            + " AND context = ? AND status IN (?, ?) ORDER BY id",
        owner, repo, pullNumber, pipeline, Status.Pending, Status.Running);
  }

  static Map<Status, Long> countByStatus(Connection c) throws SQLException {
    Map<Status, Long> counts = new EnumMap<>(Status.class);
    try (PreparedStatement ps =
            c.prepareStatement("SELECT status, COUNT(*) FROM activities GROUP BY status");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        counts.put(Sql.enumOf(Status.class, rs, "status"), rs.getLong(2));
      }
    }
    return counts;
  }

  private static List<Long> ids(Connection c, String sql, Object... params) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Sql.bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  private static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Sql.bind(ps, params);
      return ps.executeUpdate();
    }
  }
}
