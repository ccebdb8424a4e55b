package io.jxengine.store;

import io.jxengine.activity.Status;
import io.jxengine.store.ActivityTable.Runner;
import io.jxengine.store.StepTable.StepProcess;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds activities whose engine process died and ends them as Error, so they do not show as
 * running forever, and ends the step processes they left behind.
 *
 * <p>Used by {@link SqliteActivityStore} under its lock. {@link #markOrphans} runs inside a write
 * transaction; {@link #killLeftovers} runs after it commits, so the write lock is not held while
 * processes are killed.
 */
final class OrphanRecovery {
  private final LocalProcesses processes;

  /** What one recovery pass decided. */
  record Result(List<Long> activityIds, List<StepProcess> leftovers) {}

  OrphanRecovery(LocalProcesses processes) {
    this.processes = processes;
  }

  static String message(long pid) {
    return "the engine process running this build (pid " + pid + ") ended unexpectedly";
  }

  Result markOrphans(Connection c, Instant now) throws SQLException {
    List<Long> ids = new ArrayList<>();
    List<StepProcess> leftovers = new ArrayList<>();
    for (Runner runner : ActivityTable.unfinishedWithRunner(c)) {
      if (processes.isRunning(runner.pid(), runner.startMillis())) {
        continue;
      }
      String message = message(runner.pid());
      leftovers.addAll(StepTable.recordedProcesses(c, runner.activityId()));
      StepTable.endUnfinished(c, runner.activityId(), now, message);
      ActivityTable.update(c, runner.activityId(), Status.Error, null, now, message);
      ids.add(runner.activityId());
    }
    return new Result(ids, leftovers);
  }

  /** Kills the step processes that are still the ones recorded (not a reused PID). */
  void killLeftovers(List<StepProcess> leftovers) {
    for (StepProcess step : leftovers) {
      if (processes.isRunning(step.pid(), step.startMillis())) {
        processes.killTree(step.pid());
      }
    }
  }
}
