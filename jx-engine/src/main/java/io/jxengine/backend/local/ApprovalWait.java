package io.jxengine.backend.local;

import io.jxengine.activity.Status;
import io.jxengine.backend.ApprovalGate;
import io.jxengine.backend.RunListener;
import io.jxengine.compile.PlanStep;
import io.jxengine.model.Approval;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs an approval gate step: no process, only waiting. The step is reported WaitingForApproval
 * with {@code waiting for approval: <message>} and the stage's thread waits here, so nothing
 * after it in that stage, nor any stage that depends on it, starts; other lanes go on. It ends
 * Succeeded ({@code approved by <user>}), Aborted ({@code rejected by <user>}), TimedOut (the
 * approval's or the stage's timeout), or as the run when the run is stopped or times out.
 * Thread-safe: one instance serves every stage of a run.
 */
final class ApprovalWait {
  /** Bounds how late a stop or timeout is noticed; decisions in this process wake it at once. */
  private static final long POLL_MILLIS = 250;

  private final ApprovalGate gate;
  private final RunControl control;
  private final RunListener listener;

  ApprovalWait(ApprovalGate gate, RunControl control, RunListener listener) {
    this.gate = gate;
    this.control = control;
    this.listener = listener;
  }

  /** Waits for the gate {@code step} of {@code stage}; reports it and returns how it ended. */
  StepOutcome await(String stage, PlanStep step, String phase, long stageDeadline,
      Duration stageTimeout) {
    Approval approval = step.approval();
    long start = System.nanoTime();
    long gateDeadline = approval.timeout() == null ? Long.MAX_VALUE
        : start + approval.timeout().toNanos();
    long deadline = Math.min(gateDeadline, stageDeadline);
    Instant wallDeadline = deadline == Long.MAX_VALUE ? null
        : Instant.now().plusNanos(deadline - start);
    listener.step(stage, step.name(), phase, Status.Running, 1, null, "");
    ApprovalGate.Waiting waiting;
    try {
      waiting = gate.open(stage, step.name(), approval, wallDeadline);
    } catch (UnsupportedOperationException e) {
      return end(stage, step, phase, Status.Failed, e.getMessage());
    }
    listener.step(stage, step.name(), phase, Status.WaitingForApproval, 1, null,
        "waiting for approval: " + approval.message());
    try {
      while (true) {
        ApprovalGate.Decision d;
        if (control.stopped() != null) {
          d = waiting.abandon(false);
          if (d == null) {
            Status s = control.stopped() == RunControl.Stop.CANCELLED ? Status.Aborted : Status.TimedOut;
            return end(stage, step, phase, s, control.stopMessage());
          }
        } else if (System.nanoTime() - deadline >= 0) {
          d = waiting.abandon(true);
          if (d == null) {
            String why = deadline == gateDeadline
                ? "approval timed out after " + Durations.format(approval.timeout())
                : "stage timed out after " + Durations.format(stageTimeout);
            return end(stage, step, phase, Status.TimedOut, why);
          }
        } else {
          long leftMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
          d = waiting.poll(Math.min(POLL_MILLIS, leftMillis));
        }
        if (d != null) {
          return d.approved()
              ? end(stage, step, phase, Status.Succeeded, "approved by " + d.user())
              : end(stage, step, phase, Status.Aborted, "rejected by " + d.user());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      waiting.abandon(false);
      return end(stage, step, phase, Status.Aborted, "aborted: interrupted");
    }
  }

  private StepOutcome end(String stage, PlanStep step, String phase, Status status, String message) {
    listener.step(stage, step.name(), phase, status, 1, null, message);
    return new StepOutcome(step.name(), status, null, message);
  }
}
