package io.jxengine.backend.local;

import io.jxengine.activity.Status;
import io.jxengine.backend.RunListener;
import io.jxengine.compile.PlanStage;
import io.jxengine.compile.PlanStep;
import io.jxengine.model.SecretRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one stage: its steps in order (after the first failing step the rest are NotExecuted),
 * then its post steps: {@code always}, then {@code success} or {@code failure} per the steps'
 * result (within one post list the first failure ends the list; a failing post step fails the
 * stage). The stage timeout limits the steps, not the post steps. After a cancel or the pipeline
 * timeout nothing more starts and post is not run. An approval gate step waits in {@link
 * ApprovalWait} instead of starting a process; when it is rejected the stage ends Aborted.
 * Thread-safe.
 */
final class StageRunner {
  private final StepRunner steps;
  private final ApprovalWait approvals;
  private final RunControl control;
  private final RunListener listener;
  private final Map<String, String> secrets;

  StageRunner(StepRunner steps, ApprovalWait approvals, RunControl control, RunListener listener,
      Map<String, String> secrets) {
    this.steps = steps;
    this.approvals = approvals;
    this.control = control;
    this.listener = listener;
    this.secrets = secrets;
  }

  /**
   * Runs {@code stage}; {@code upstreamOk} chooses the post list for a stage without steps (the
   * pipeline's {@code post}: the pipeline's result so far).
   */
  Status run(PlanStage stage, boolean upstreamOk) {
    String name = stage.name();
    if (control.stopped() != null) {
      return end(name, Status.NotExecuted, "not executed: " + control.stopMessage());
    }
    if (stage.skipReason() != null) {
      return end(name, Status.NotExecuted, "skipped: " + stage.skipReason());
    }
    listener.stage(name, Status.Running, "");
    Map<String, String> secretEnv = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (SecretRef ref : stage.secrets()) {
      String value = secrets.get(ref.secret() + "/" + ref.key());
      if (value == null) {
        missing.add(ref.secret() + "/" + ref.key());
      } else {
        secretEnv.put(ref.env(), value);
      }
    }
    if (!missing.isEmpty()) {
      notExecuted(name, stage.steps(), "steps", "not executed: missing secret");
      return end(name, Status.Failed, "secret not found: " + String.join(", ", missing));
    }
    long deadline = stage.timeout() == null ? Long.MAX_VALUE
        : System.nanoTime() + stage.timeout().toNanos();
    StepOutcome failed = runList(stage, stage.steps(), "steps", secretEnv, deadline);
    if (control.stopped() != null) {
      return end(name, stoppedStatus(), control.stopMessage());
    }
    boolean ok = upstreamOk && failed == null;
    StepOutcome postFailed = runList(stage, stage.postAlways(), "post", secretEnv, Long.MAX_VALUE);
    List<PlanStep> conditional = ok ? stage.postSuccess() : stage.postFailure();
    StepOutcome condFailed = runList(stage, conditional, "post", secretEnv, Long.MAX_VALUE);
    if (postFailed == null) {
      postFailed = condFailed;
    }
    if (control.stopped() != null) {
      return end(name, stoppedStatus(), control.stopMessage());
    }
    if (failed != null) {
      String msg = failed.status() == Status.TimedOut && failed.message().startsWith("stage")
          ? failed.message()
          : "step `" + failed.step() + "` " + describe(failed);
      // Aborted without a stop is a rejected approval gate: the stage is Aborted, as in Jenkins
      Status status = failed.status() == Status.TimedOut || failed.status() == Status.Aborted
          ? failed.status() : Status.Failed;
      return end(name, status, msg);
    }
    if (postFailed != null) {
      return end(name, Status.Failed, "post step `" + postFailed.step() + "` " + describe(postFailed));
    }
    return end(name, Status.Succeeded, "");
  }

  /** Runs steps in order; returns the first that did not succeed, or null when all did. */
  private StepOutcome runList(PlanStage stage, List<PlanStep> list, String phase,
      Map<String, String> secretEnv, long deadline) {
    StepOutcome failed = null;
    for (PlanStep step : list) {
      if (failed != null || control.stopped() != null) {
        String why = failed != null
            ? "not executed: step `" + failed.step() + "` did not succeed"
            : "not executed: " + control.stopMessage();
        listener.step(stage.name(), step.name(), phase, Status.NotExecuted, 1, null, why);
        continue;
      }
      StepOutcome out = step.isApproval()
          ? approvals.await(stage.name(), step, phase, deadline, stage.timeout())
          : steps.run(stage.name(), step, phase, secretEnv, deadline, stage.timeout());
      if (!out.succeeded()) {
        failed = out;
      }
    }
    return failed;
  }

  private void notExecuted(String stage, List<PlanStep> list, String phase, String why) {
    for (PlanStep step : list) {
      listener.step(stage, step.name(), phase, Status.NotExecuted, 1, null, why);
    }
  }

  private Status stoppedStatus() {
    return control.stopped() == RunControl.Stop.CANCELLED ? Status.Aborted : Status.TimedOut;
  }

  private static String describe(StepOutcome o) {
    return switch (o.status()) {
      case TimedOut -> o.message();
      case Aborted -> o.message().startsWith("rejected") ? o.message() : "was aborted";
      default -> "failed: " + o.message();
    };
  }

  private Status end(String stage, Status status, String message) {
    listener.stage(stage, status, message);
    return status;
  }
}
