package io.jxengine.gitops;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.NewActivity;
import io.jxengine.activity.StepKind;
import io.jxengine.activity.StepRecord;
import io.jxengine.activity.Status;
import java.time.Clock;
import java.time.Instant;

/**
 * The record of one promotion on the activity store: an activity {@code promote/<app>/<env>} with
 * one Promote step whose status and message always say what the promotion is doing or waiting
 * for (waiting for checks, waiting for approval, merge conflict, checks failed), so the CLI and
 * the UI show it. Changes of the reason are written at once; the same reason is not rewritten.
 */
final class PromotionLog {
  private final ActivityStore store;
  private final Clock clock;
  private final Activity activity;
  private final StepRecord step;
  private String lastReason = "";
  private Status lastStatus;

  PromotionLog(ActivityStore store, Clock clock, PromotionRequest request, String gitUrl) {
    this.store = store;
    this.clock = clock;
    this.activity = store.create(new NewActivity("promote", request.app(), request.environment(),
        "promote", gitUrl, null, request.title(), "jx-engine", request.title(), null, null,
        request.version(), "gitops", "promote", ProcessHandle.current().pid(),
        ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L)));
    Instant now = clock.instant();
    store.updateActivity(activity.id(), Status.Running, now, null, "");
    this.step = store.addStep(activity.id(), null, StepKind.Promote, request.environment(), 0);
    store.updateStep(step.id(), Status.Running, now, null, null, 1, "preparing the promotion");
  }

  long activityId() {
    return activity.id();
  }

  /** Shows what the promotion does or waits for now. */
  void progress(Status status, String reason) {
    if (reason.equals(lastReason) && status == lastStatus) {
      return;
    }
    lastReason = reason;
    lastStatus = status;
    store.updateStep(step.id(), status, null, null, null, 1, reason);
    store.updateActivity(activity.id(), status == Status.WaitingForApproval ? status : Status.Running,
        null, null, reason);
  }

  PromotionResult finish(Status status, String prUrl, String mergeSha, String message) {
    Instant now = clock.instant();
    store.updateStep(step.id(), status, null, now, null, 1, message);
    store.updateActivity(activity.id(), status == Status.NotExecuted ? Status.Succeeded : status, null, now, message);
    return new PromotionResult(status, prUrl, mergeSha, message, activity.id());
  }
}
