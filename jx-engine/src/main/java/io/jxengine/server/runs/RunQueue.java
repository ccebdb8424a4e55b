package io.jxengine.server.runs;

import io.jxengine.activity.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable queue of runs the server decided on: Pending activities with no runner yet, each
 * with its {@link QueuedRun} spec. Thread-safe; every method commits before it returns.
 */
public interface RunQueue {
  /** What {@link #enqueue} did: the activity of the trigger key, and whether it is new. */
  record Enqueued(long activityId, boolean created) {}

  /**
   * Creates the Pending activity and its spec in one transaction; when the trigger key is
   * already queued (or ran), creates nothing and returns that activity. Safe under concurrent
   * calls with the same key.
   */
  Enqueued enqueue(QueuedRun run);

  Optional<QueuedRun> spec(long activityId);

  /** Pending activities with a spec and no runner, oldest first (to schedule after a restart). */
  List<Long> unclaimed();

  /**
   * Makes this process the runner of a queued activity (sets its runner PID) only if it is still
   * Pending without one. False when another runner claimed it or it was stopped meanwhile.
   */
  boolean claim(long activityId, long pid, long startMillis);

  /** Ends a queued activity that no runner claimed yet as Aborted; false when it was claimed. */
  boolean abortUnclaimed(long activityId, String message);

  /** Unfinished (Pending, Running) activities of this pull request and pipeline, oldest first. */
  List<Long> unfinished(String owner, String repo, int pullNumber, String pipeline);

  /** How many activities are in each status (statuses with none are absent). */
  Map<Status, Long> activitiesByStatus();

  /** A cheap query, for readiness checks; throws when the store does not answer. */
  void ping();
}
