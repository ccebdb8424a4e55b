package io.jxengine.activity;

import io.jxengine.testreport.ActivityTests;
import io.jxengine.testreport.StepTestReport;
import io.jxengine.testreport.TestTotals;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable records of pipeline runs. The embedded implementation is SQLite; a cluster
 * implementation keeps them as custom resources.
 *
 * <p>Thread-safe: the executor updates steps of parallel stages from several threads. Every
 * method commits before it returns, so a crash never leaves a half-written record. Failures of
 * the store itself are {@link StoreException}s.
 */
public interface ActivityStore extends AutoCloseable {

  /**
   * Runs {@code writes} (calls of this store's methods from the calling thread) as one unit where
   * the store can: the SQLite store commits them in one transaction, each write still failing
   * alone. Others just run them in order.
   */
  default void batch(Runnable writes) {
    writes.run();
  }

  /** Creates a Pending activity with the next build number of its owner/repo/branch. */
  Activity create(NewActivity activity);

  /**
   * Records a run that happened outside the engine (a build imported from a Jenkins controller)
   * under its own build number, status, times and link. Later changes go through {@link
   * #updateActivity} and the step methods, as for native runs.
   *
   * @throws StoreException when {@code owner/repo/branch} already has a build with that number
   *     (importers look it up with {@link #find} first)
   * @throws UnsupportedOperationException from stores that cannot hold imported runs
   */
  default Activity createExternal(NewActivity activity, ExternalRun run) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " cannot record runs of other systems");
  }

  /** Adds a Pending stage ({@code parentId == null}) or step and returns it. */
  StepRecord addStep(long activityId, Long parentId, StepKind kind, String name, int ordinal);

  /** Sets a step's status; {@code started}/{@code completed}/{@code exitCode} may be null (kept). */
  void updateStep(
      long stepId, Status status, Instant started, Instant completed, Integer exitCode,
      int attempts, String message);

  /** Sets an activity's status; null times are kept as they were. */
  void updateActivity(
      long activityId, Status status, Instant started, Instant completed, String message);

  /**
   * Records what a release step of the run reported: the version released and the release notes'
   * page. A null argument keeps the current value. Stores that cannot keep them refuse with
   * {@link UnsupportedOperationException} (the default).
   */
  default void recordRelease(long activityId, String version, String releaseNotesUrl) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not record releases");
  }

  /**
   * Records the test reports the run's report steps handed over ({@code uses: junit}); a report of
   * a stage/step already recorded replaces it. Stores that cannot keep them refuse with {@link
   * UnsupportedOperationException} (the default).
   */
  default void recordTests(long activityId, List<StepTestReport> reports) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not record test results");
  }

  /** The test results of an activity; empty when it recorded none (or the store keeps none). */
  default Optional<ActivityTests> tests(long activityId) {
    return Optional.empty();
  }

  /** Test totals of those of {@code activityIds} that recorded any, in one read. */
  default Map<Long, TestTotals> testTotals(Collection<Long> activityIds) {
    return Map.of();
  }

  /** The activity with its steps. */
  Optional<Activity> get(long activityId);

  /** The activity {@code owner/repo/branch #build} with its steps. */
  Optional<Activity> find(String owner, String repo, String branch, int build);

  /** Activities matching the filter, newest first, each with its steps. */
  List<Activity> list(ActivityFilter filter);

  /** Asks the runner of an activity to stop it; the runner records Aborted. */
  void requestStop(long activityId);

  boolean isStopRequested(long activityId);

  /**
   * Marks activities whose runner process is gone (killed, crashed, machine restarted) as Error
   * with a message saying so, together with their unfinished steps. Returns them.
   */
  List<Activity> recoverOrphans();

  /** The step processes last recorded for running steps, so recovery can end leftovers. */
  void recordStepProcess(long stepId, long pid, long startMillis);

  @Override
  void close();
}
