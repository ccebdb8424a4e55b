package io.jxengine.store;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.ExternalRun;
import io.jxengine.activity.NewActivity;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import io.jxengine.activity.StepRecord;
import io.jxengine.activity.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import io.jxengine.testreport.ActivityTests;
import io.jxengine.testreport.StepTestReport;
import io.jxengine.testreport.TestTotals;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded activity store: one SQLite file, shared by every {@code jxe} process on the
 * machine (a run writing while {@code jxe get activities -w} reads, two runs at once).
 *
 * <p>Threading: one connection, serialised by {@link StoreDb}; every method runs in its own transaction and
 * commits before returning. Across processes SQLite's locks (WAL mode, a busy timeout) keep
 * writers apart, and build numbers are allocated inside {@code BEGIN IMMEDIATE}, so two runs of
 * one pipeline never get the same number.
 *
 * <p>Errors: failures of the file or of SQLite are {@link StoreException}s whose message names
 * the file. An id that does not exist, passed to a method that changes it, is a caller's bug and
 * an {@link IllegalArgumentException}.
 */
public final class SqliteActivityStore implements ActivityStore {
  private final StoreDb db;
  private final Clock clock;
  private final OrphanRecovery recovery = new OrphanRecovery(new LocalProcesses());
  private final boolean migrated;

  private SqliteActivityStore(StoreDb db, Clock clock, boolean migrated) {
    this.db = db;
    this.clock = clock;
    this.migrated = migrated;
  }

  /**
   * Opens (creating if needed) the database file, migrating it to the latest schema.
   *
   * @throws StoreException when the file cannot be opened, is not a SQLite database, or has a
   *     schema newer than this jx-engine
   */
  public static SqliteActivityStore open(Path dbFile) {
    return open(dbFile, Clock.systemUTC());
  }

  static SqliteActivityStore open(Path dbFile, Clock clock) {
    StoreFile.Opened opened = StoreFile.openAtLatest(dbFile);
    return new SqliteActivityStore(opened.db(), clock, opened.migrated());
  }

  /** True when opening this store ran Flyway, false when the file was already current. */
  boolean ranMigrations() {
    return migrated;
  }

  @Override
  public Activity create(NewActivity activity) {
    Instant now = clock.instant();
    return db.write("create an activity", c -> {
      long id = ActivityTable.insert(c, activity, now);
      return withSteps(c, id).orElseThrow();
    });
  }

  @Override
  public Activity createExternal(NewActivity activity, ExternalRun run) {
    Instant now = clock.instant();
    return db.write("record build #" + run.build() + " of " + activity.owner() + "/"
        + activity.repo() + "/" + activity.branch(), c -> {
      if (ActivityTable.byBuild(c, activity.owner(), activity.repo(), activity.branch(),
          run.build()).isPresent()) {
        throw new StoreException(activity.owner() + "/" + activity.repo() + "/"
            + activity.branch() + " already has a build #" + run.build(), null);
      }
      long id = ActivityTable.insertExternal(c, activity, run, now);
      return withSteps(c, id).orElseThrow();
    });
  }

  @Override
  public StepRecord addStep(
      long activityId, Long parentId, StepKind kind, String name, int ordinal) {
    return db.write("add step " + name, c -> {
      requireActivity(c, activityId);
      if (parentId != null && !StepTable.exists(c, parentId)) {
        throw new IllegalArgumentException("no step with id " + parentId);
      }
      return StepTable.insert(c, activityId, parentId, kind, name, ordinal);
    });
  }

  @Override
  public void updateStep(
      long stepId, Status status, Instant started, Instant completed, Integer exitCode,
      int attempts, String message) {
    db.write("update step " + stepId, c -> {
      int rows = StepTable.update(c, stepId, status, started, completed, exitCode, attempts,
          message);
      return requireRow(rows, "step", stepId);
    });
  }

  @Override
  public void updateActivity(
      long activityId, Status status, Instant started, Instant completed, String message) {
    db.write("update activity " + activityId, c -> requireRow(
        ActivityTable.update(c, activityId, status, started, completed, message), "activity",
        activityId));
  }

  @Override
  public void recordRelease(long activityId, String version, String releaseNotesUrl) {
    db.write("record the release of activity " + activityId, c -> requireRow(
        ActivityTable.recordRelease(c, activityId, version, releaseNotesUrl), "activity",
        activityId));
  }

  @Override
  public void recordTests(long activityId, List<StepTestReport> reports) {
    db.write("record the tests of activity " + activityId, c -> {
      requireActivity(c, activityId);
      for (StepTestReport r : reports) {
        TestReportTable.put(c, activityId, r);
      }
      return null;
    });
  }

  @Override
  public Optional<ActivityTests> tests(long activityId) {
    return db.read("read the tests of activity " + activityId, c -> {
      List<StepTestReport> reports = TestReportTable.ofActivity(c, activityId);
      return reports.isEmpty() ? Optional.<ActivityTests>empty()
          : Optional.of(ActivityTests.of(activityId, reports));
    });
  }

  @Override
  public Map<Long, TestTotals> testTotals(Collection<Long> activityIds) {
    return db.read("read test totals", c -> TestReportTable.totals(c, activityIds));
  }

  @Override
  public Optional<Activity> get(long activityId) {
    return db.read("read activity " + activityId, c -> withSteps(c, activityId));
  }

  @Override
  public Optional<Activity> find(String owner, String repo, String branch, int build) {
    return db.read("find " + owner + "/" + repo + "/" + branch + " #" + build, c -> {
      Optional<Activity> found = ActivityTable.byBuild(c, owner, repo, branch, build);
      return found.isEmpty() ? found : withSteps(c, found.get().id());
    });
  }

  @Override
  public List<Activity> list(ActivityFilter filter) {
    ActivityFilter f = filter == null ? ActivityFilter.all() : filter;
    return db.read("list activities", c -> {
      List<Activity> activities = ActivityTable.list(c, f);
      if (activities.isEmpty()) {
        return activities;
      }
      // One query for all their steps, not one per activity.
      ActivityTable.Query ids = ActivityTable.idsMatching(f);
      Map<Long, List<StepRecord>> steps = StepTable.ofActivities(c, ids.sql(), ids.params());
      List<Activity> withSteps = new ArrayList<>(activities.size());
      for (Activity a : activities) {
        withSteps.add(a.withSteps(steps.getOrDefault(a.id(), List.of())));
      }
      return withSteps;
    });
  }

  @Override
  public void requestStop(long activityId) {
    db.write("request a stop of activity " + activityId, c -> requireRow(
        ActivityTable.requestStop(c, activityId), "activity", activityId));
  }

  /** Cheap enough to poll: one indexed read of one column. False for an unknown id. */
  @Override
  public boolean isStopRequested(long activityId) {
    return db.single("read the stop request of activity " + activityId,
        c -> ActivityTable.isStopRequested(c, activityId));
  }

  /**
   * Ends activities whose runner process is gone or is a different process under the same PID,
   * with their unfinished steps, and kills the step processes they left running. Activities
   * created without a runner PID are left alone: nothing says their runner died.
   */
  @Override
  public List<Activity> recoverOrphans() {
    return db.exclusively(() -> {
      Instant now = clock.instant();
      OrphanRecovery.Result result =
          db.write("recover orphaned activities", c -> recovery.markOrphans(c, now));
      recovery.killLeftovers(result.leftovers());
      List<Activity> recovered = new ArrayList<>();
      for (long id : result.activityIds()) {
        get(id).ifPresent(recovered::add);
      }
      return recovered;
    });
  }

  /** One transaction for all of {@code writes} (see {@link StoreDb#batch}). */
  @Override
  public void batch(Runnable writes) {
    db.batch(writes);
  }

  @Override
  public void recordStepProcess(long stepId, long pid, long startMillis) {
    db.write("record the process of step " + stepId, c -> requireRow(
        StepTable.recordProcess(c, stepId, pid, startMillis), "step", stepId));
  }

  @Override
  public void close() {
    db.close();
  }

  private static Optional<Activity> withSteps(Connection c, long id) throws SQLException {
    Optional<Activity> activity = ActivityTable.byId(c, id);
    if (activity.isEmpty()) {
      return activity;
    }
    List<StepRecord> steps = StepTable.ofActivities(c, "?", id).getOrDefault(id, List.of());
    return Optional.of(activity.get().withSteps(steps));
  }

  private static void requireActivity(Connection c, long id) throws SQLException {
    if (ActivityTable.byId(c, id).isEmpty()) {
      throw new IllegalArgumentException("no activity with id " + id);
    }
  }

  private static Void requireRow(int rows, String what, long id) {
    if (rows == 0) {
      throw new IllegalArgumentException("no " + what + " with id " + id);
    }
    return null;
  }


}
