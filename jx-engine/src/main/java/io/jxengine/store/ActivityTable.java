package io.jxengine.store;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.activity.ExternalRun;
import io.jxengine.activity.NewActivity;
import io.jxengine.activity.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for the {@code activities} table. Callers supply the connection and the transaction. */
final class ActivityTable {
  private static final String COLUMNS =
      "id, owner, repo, branch, build, context, status, started_ms, completed_ms, git_url,"
          + " commit_sha, commit_message, author, pull_title, pull_number, base_sha, version,"
          + " source, event, build_url, message, release_notes_url";

  /** An unfinished activity as crash recovery sees it. */
  record Runner(long activityId, long pid, long startMillis) {}

  private ActivityTable() {}

  /** Inserts a Pending activity with the next build number; call inside a write transaction. */
  static long insert(Connection c, NewActivity a, Instant now) throws SQLException {
    return insert(c, a, nextBuild(c, a.owner(), a.repo(), a.branch()), Status.Pending, now,
        null, null, null, "");
  }

  /** Inserts a run of another system as it is there; call inside a write transaction. */
  static long insertExternal(Connection c, NewActivity a, ExternalRun run, Instant now)
      throws SQLException {
    return insert(c, a, run.build(), run.status(), now, run.started(), run.completed(),
        run.buildUrl(), run.message());
  }

  private static long insert(Connection c, NewActivity a, int build, Status status, Instant now,
      Instant started, Instant completed, String buildUrl, String message) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO activities (owner, repo, branch, build, context, status, created_ms,"
                + " started_ms, completed_ms, git_url, commit_sha, commit_message, author,"
                + " pull_title, pull_number, base_sha, version, source, event, build_url,"
                + " message, runner_pid, runner_start_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            PreparedStatement.RETURN_GENERATED_KEYS)) {
      Sql.bind(ps, a.owner(), a.repo(), a.branch(), build, a.context(), status, now, started,
          completed, a.gitUrl(), a.commitSha(), a.commitMessage(), a.author(), a.pullTitle(),
          a.pullNumber(), a.baseSha(), a.version(), a.source(), a.event(), buildUrl, message,
          a.runnerPid(), a.runnerStart());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static int nextBuild(Connection c, String owner, String repo, String branch)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COALESCE(MAX(build), 0) + 1 FROM activities"
                + " WHERE owner = ? AND repo = ? AND branch = ?")) {
      Sql.bind(ps, owner, repo, branch);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  static Optional<Activity> byId(Connection c, long id) throws SQLException {
    return one(c, "SELECT " + COLUMNS + " FROM activities WHERE id = ?", id);
  }

  static Optional<Activity> byBuild(
      Connection c, String owner, String repo, String branch, int build) throws SQLException {
    return one(
        c,
        "SELECT " + COLUMNS + " FROM activities"
            + " WHERE owner = ? AND repo = ? AND branch = ? AND build = ?",
        owner, repo, branch, build);
  }

  /** Activities matching the filter, newest first, without their steps. */
  static List<Activity> list(Connection c, ActivityFilter filter) throws SQLException {
    Query q = matching(filter);
    return all(c, "SELECT " + COLUMNS + " FROM activities" + q.sql(), q.params());
  }

  /** The ids {@link #list} returns, as a sub-query, so steps load in one query with them. */
  static Query idsMatching(ActivityFilter filter) {
    Query q = matching(filter);
    return new Query("SELECT id FROM activities" + q.sql(), q.params());
  }

  private static Query matching(ActivityFilter filter) {
    StringBuilder where = new StringBuilder();
    List<Object> params = new ArrayList<>();
    condition(where, params, "owner", filter.owner());
    condition(where, params, "repo", filter.repo());
    condition(where, params, "branch", filter.branch());
    condition(where, params, "status", filter.status());
    condition(where, params, "source", filter.source());
    // Ids grow with creation, so id order is creation order even when clocks jump.
    where.append(" ORDER BY id DESC");
    if (filter.limit() > 0) {
      where.append(" LIMIT ?");
      params.add(filter.limit());
    }
    return new Query(where.toString(), params.toArray());
  }

  private static void condition(
      StringBuilder where, List<Object> params, String column, Object value) {
    if (value != null) {
      where.append(params.isEmpty() ? " WHERE " : " AND ").append(column).append(" = ?");
      params.add(value);
    }
  }

  /** Updates status and message; null times and a null message keep their old values. */
  static int update(
      Connection c, long id, Status status, Instant started, Instant completed, String message)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE activities SET status = ?, started_ms = COALESCE(?, started_ms),"
                + " completed_ms = COALESCE(?, completed_ms), message = COALESCE(?, message)"
                + " WHERE id = ?")) {
      Sql.bind(ps, status, started, completed, message, id);
      return ps.executeUpdate();
    }
  }

  /** Sets version and release notes URL; a null keeps the old value. */
  static int recordRelease(Connection c, long id, String version, String releaseNotesUrl)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE activities SET version = COALESCE(?, version),"
                + " release_notes_url = COALESCE(?, release_notes_url) WHERE id = ?")) {
      Sql.bind(ps, version, releaseNotesUrl, id);
      return ps.executeUpdate();
    }
  }

  static int requestStop(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE activities SET stop_requested = 1 WHERE id = ?")) {
      Sql.bind(ps, id);
      return ps.executeUpdate();
    }
  }

  static boolean isStopRequested(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT stop_requested FROM activities WHERE id = ?")) {
      Sql.bind(ps, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getInt(1) != 0;
      }
    }
  }

  /** Unfinished activities with a recorded runner process. */
  static List<Runner> unfinishedWithRunner(Connection c) throws SQLException {
    List<Runner> runners = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, runner_pid, runner_start_ms FROM activities"
                + " WHERE status IN ('Pending', 'Running', 'WaitingForApproval')"
                + " AND runner_pid > 0")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          runners.add(new Runner(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
        }
      }
    }
    return runners;
  }

  private static Optional<Activity> one(Connection c, String sql, Object... params)
      throws SQLException {
    List<Activity> found = all(c, sql, params);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<Activity> all(Connection c, String sql, Object... params)
      throws SQLException {
    List<Activity> activities = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Sql.bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          activities.add(activity(rs));
        }
      }
    }
    return activities;
  }

  private static Activity activity(ResultSet rs) throws SQLException {
    return new Activity(
        rs.getLong("id"),
        rs.getString("owner"),
        rs.getString("repo"),
        rs.getString("branch"),
        rs.getInt("build"),
        rs.getString("context"),
        Sql.enumOf(Status.class, rs, "status"),
        Sql.instant(rs, "started_ms"),
        Sql.instant(rs, "completed_ms"),
        rs.getString("git_url"),
        rs.getString("commit_sha"),
        rs.getString("commit_message"),
        rs.getString("author"),
        rs.getString("pull_title"),
        Sql.integer(rs, "pull_number"),
        rs.getString("base_sha"),
        rs.getString("version"),
        rs.getString("source"),
        rs.getString("event"),
        rs.getString("build_url"),
        rs.getString("message"),
        List.of(),
        rs.getString("release_notes_url"));
  }

  /** A SQL fragment and its parameters. */
  record Query(String sql, Object[] params) {}
}
