package io.jxengine.backend.kube;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.jxengine.activity.Status;

/** Pod and container states in the engine's terms (the plain-Pod fallback). Pure, thread-safe. */
final class PodStatuses {
  private PodStatuses() {}

  /** A pod's status: its phase; {@code DeadlineExceeded} (the stage timeout) is TimedOut. */
  static Status ofPod(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase)) {
      return Status.Succeeded;
    }
    if ("Failed".equals(phase)) {
      return "DeadlineExceeded".equals(pod.getStatus().getReason()) ? Status.TimedOut : Status.Failed;
    }
    return "Running".equals(phase) ? Status.Running : Status.Pending;
  }

  /** A step container's status. */
  static Status ofContainer(ContainerStatus c) {
    if (c.getState() == null) {
      return Status.Pending;
    }
    ContainerStateTerminated t = c.getState().getTerminated();
    if (t != null) {
      return t.getExitCode() != null && t.getExitCode() == 0 ? Status.Succeeded : Status.Failed;
    }
    return c.getState().getRunning() != null ? Status.Running : Status.Pending;
  }

  static String message(ContainerStatus c, Status s) {
    return s == Status.Failed ? "exit code " + c.getState().getTerminated().getExitCode() : "";
  }

  /** Why a pod ended as it did. */
  static String describe(Pod pod) {
    String reason = pod.getStatus().getReason();
    String message = pod.getStatus().getMessage();
    if (message != null && !message.isEmpty()) {
      return message;
    }
    return reason == null ? pod.getStatus().getPhase() : reason;
  }
}
