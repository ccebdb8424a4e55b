package io.jxengine.store;

import io.jxengine.testreport.FailedCase;
import io.jxengine.testreport.StepTestReport;
import io.jxengine.testreport.TestReport;
import io.jxengine.testreport.TestTotals;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL of the {@code test_reports} and {@code test_failures} tables (migration V9). */
final class TestReportTable {
  private TestReportTable() {}

  /** Replaces the report of {@code r.stage()/r.step()} on the activity (a re-run step's report wins). */
  static void put(Connection c, long activityId, StepTestReport r) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "DELETE FROM test_failures WHERE report_id IN (SELECT id FROM test_reports"
            + " WHERE activity_id = ? AND stage = ? AND step = ?)")) {
      Sql.bind(s, activityId, r.stage(), r.step());
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement(
        "DELETE FROM test_reports WHERE activity_id = ? AND stage = ? AND step = ?")) {
      Sql.bind(s, activityId, r.stage(), r.step());
      s.executeUpdate();
    }
    TestTotals t = r.report().totals();
    long id;
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO test_reports (activity_id, stage, step, files, tests, failures, errors, skipped,"
            + " duration_millis, failed_left_out) VALUES (?,?,?,?,?,?,?,?,?,?)",
        java.sql.Statement.RETURN_GENERATED_KEYS)) {
      Sql.bind(s, activityId, r.stage(), r.step(), t.files(), t.tests(), t.failures(), t.errors(),
          t.skipped(), t.durationMillis(), r.report().failedLeftOut());
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO test_failures (report_id, ordinal, kind, suite, name, message, trace)"
            + " VALUES (?,?,?,?,?,?,?)")) {
      int ordinal = 0;
      for (FailedCase f : r.report().failed()) {
        Sql.bind(s, id, ordinal++, f.kind(), f.suite(), f.name(), f.message(), f.trace());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** The reports of one activity in stage, step order, each with its failed cases. */
  static List<StepTestReport> ofActivity(Connection c, long activityId) throws SQLException {
    Map<Long, StepTestReport> reports = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT id, stage, step, files, tests, failures, errors, skipped, duration_millis,"
            + " failed_left_out FROM test_reports WHERE activity_id = ? ORDER BY id")) {
      Sql.bind(s, activityId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          reports.put(rs.getLong("id"), new StepTestReport(rs.getString("stage"), rs.getString("step"),
              new TestReport(totals(rs), List.of(), rs.getInt("failed_left_out"))));
        }
      }
    }
    if (reports.isEmpty()) {
      return List.of();
    }
    Map<Long, List<FailedCase>> failed = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT f.report_id, f.kind, f.suite, f.name, f.message, f.trace FROM test_failures f"
            + " JOIN test_reports r ON r.id = f.report_id WHERE r.activity_id = ?"
            + " ORDER BY f.report_id, f.ordinal")) {
      Sql.bind(s, activityId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          failed.computeIfAbsent(rs.getLong("report_id"), k -> new ArrayList<>()).add(new FailedCase(
              rs.getString("suite"), rs.getString("name"), rs.getString("kind"),
              rs.getString("message"), rs.getString("trace")));
        }
      }
    }
    List<StepTestReport> out = new ArrayList<>();
    reports.forEach((id, r) -> out.add(new StepTestReport(r.stage(), r.step(),
        new TestReport(r.report().totals(), failed.getOrDefault(id, List.of()), r.report().failedLeftOut()))));
    return out;
  }

  /** Totals per activity for those of {@code ids} that have any report. */
  static Map<Long, TestTotals> totals(Connection c, Collection<Long> ids) throws SQLException {
    Map<Long, TestTotals> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    try (PreparedStatement s = c.prepareStatement(
        "SELECT activity_id, SUM(files) AS files, SUM(tests) AS tests, SUM(failures) AS failures,"
            + " SUM(errors) AS errors, SUM(skipped) AS skipped, SUM(duration_millis) AS duration_millis"
            + " FROM test_reports WHERE activity_id IN (" + marks + ") GROUP BY activity_id")) {
      Sql.bind(s, ids.toArray());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong("activity_id"), totals(rs));
        }
      }
    }
    return out;
  }

  private static TestTotals totals(ResultSet rs) throws SQLException {
    return new TestTotals(rs.getInt("files"), rs.getInt("tests"), rs.getInt("failures"),
        rs.getInt("errors"), rs.getInt("skipped"), rs.getLong("duration_millis"));
  }
}
