package io.jxengine.backend.kube;

import io.fabric8.knative.internal.pkg.apis.Condition;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.tekton.pipeline.v1.StepState;
import io.jxengine.activity.Status;
import java.util.List;

/**
 * Tekton's statuses in the engine's terms. A PipelineRun's and a TaskRun's state is their
 * {@code Succeeded} condition: {@code Unknown} while they run, {@code True} or {@code False} with
 * a reason once they end; a step's is its container state. Pure and thread-safe.
 */
final class TektonStatuses {
  private TektonStatuses() {}

  /** The {@code Succeeded} condition, or null while Tekton has not written one. */
  static Condition succeeded(List<Condition> conditions) {
    if (conditions == null) {
      return null;
    }
    return conditions.stream().filter(c -> "Succeeded".equals(c.getType())).findFirst().orElse(null);
  }

  /** A PipelineRun's status. */
  static Status ofRun(Condition c) {
    if (c == null) {
      return Status.Pending;
    }
    String reason = c.getReason() == null ? "" : c.getReason();
    return switch (String.valueOf(c.getStatus())) {
      case "True" -> Status.Succeeded;
      case "False" -> switch (reason) {
        case "Failed" -> Status.Failed;
        case "PipelineRunTimeout" -> Status.TimedOut;
        case "Cancelled", "CancelledRunFinally", "StoppedRunFinally", "PipelineRunCancelled" -> Status.Aborted;
        default -> Status.Error;
      };
      default -> "PipelineRunPending".equals(reason) ? Status.Pending : Status.Running;
    };
  }

  /** A TaskRun's status. */
  static Status ofTask(Condition c) {
    if (c == null) {
      return Status.Pending;
    }
    String reason = c.getReason() == null ? "" : c.getReason();
    return switch (String.valueOf(c.getStatus())) {
      case "True" -> Status.Succeeded;
      case "False" -> switch (reason) {
        case "Failed" -> Status.Failed;
        case "TaskRunTimeout" -> Status.TimedOut;
        case "TaskRunCancelled" -> Status.Aborted;
        default -> Status.Error;
      };
      default -> "Pending".equals(reason) ? Status.Pending : Status.Running;
    };
  }

  /**
   * A step's status from its container state. Tekton marks the steps after a failed one, and
   * steps ended by a timeout or a cancel, with a {@code terminationReason} (newer Tekton) or the
   * container's {@code reason}.
   */
  static Status ofStep(StepState s) {
    ContainerStateTerminated t = s.getTerminated();
    if (t != null) {
      Object why = s.getAdditionalProperties().get("terminationReason");
      String reason = why != null ? why.toString() : t.getReason() == null ? "" : t.getReason();
      return switch (reason) {
        case "Skipped" -> Status.NotExecuted;
        case "TimeoutExceeded" -> Status.TimedOut;
        case "TaskRunCancelled" -> Status.Aborted;
        default -> t.getExitCode() != null && t.getExitCode() == 0 ? Status.Succeeded : Status.Failed;
      };
    }
    return s.getRunning() != null ? Status.Running : Status.Pending;
  }

  /** What to say about an ended step, as the local backend says it. */
  static String stepMessage(StepState s, Status status) {
    ContainerStateTerminated t = s.getTerminated();
    Integer exit = t == null ? null : t.getExitCode();
    return switch (status) {
      case Failed -> "exit code " + exit;
      case NotExecuted -> "not executed: an earlier step did not succeed";
      case TimedOut -> "timed out";
      case Aborted -> "aborted";
      default -> "";
    };
  }

  /** The condition's message, or its reason when it has none. */
  static String describe(Condition c) {
    if (c == null) {
      return "";
    }
    if (c.getMessage() != null && !c.getMessage().isEmpty()) {
      return c.getMessage();
    }
    return c.getReason() == null ? "" : c.getReason();
  }
}
