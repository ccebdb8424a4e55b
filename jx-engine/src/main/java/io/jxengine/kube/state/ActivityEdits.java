package io.jxengine.kube.state;

import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Pure changes of an {@link Activity} record, as the cluster store writes them. */
final class ActivityEdits {
  private ActivityEdits() {}

  static Activity withStatus(
      Activity a, Status status, Instant started, Instant completed, String message) {
    return new Activity(a.id(), a.owner(), a.repo(), a.branch(), a.build(), a.context(), status,
        started, completed, a.gitUrl(), a.commitSha(), a.commitMessage(), a.author(),
        a.pullTitle(), a.pullNumber(), a.baseSha(), a.version(), a.source(), a.event(),
        a.buildUrl(), message, a.steps());
  }

  /**
   * An activity whose runner died: Error with the message; its steps that never left Pending
   * become NotExecuted, the ones under way Error (as the SQLite store's recovery does).
   */
  static Activity orphaned(Activity a, Instant now, String message) {
    List<StepRecord> steps = new ArrayList<>();
    for (StepRecord s : a.steps()) {
      if (s.status().isTerminal()) {
        steps.add(s);
      } else if (s.status() == Status.Pending) {
        steps.add(step(s, Status.NotExecuted, s.completed(), s.message()));
      } else {
        steps.add(step(s, Status.Error, now, message));
      }
    }
    return withStatus(a, Status.Error, a.started(), now, message).withSteps(steps);
  }

  private static StepRecord step(StepRecord s, Status status, Instant completed, String message) {
    return new StepRecord(s.id(), s.activityId(), s.parentId(), s.kind(), s.name(), s.ordinal(),
        status, s.started(), completed, s.exitCode(), s.attempts(), message);
  }
}
