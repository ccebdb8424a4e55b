package io.jxengine.jenkins.controller;

import io.jxengine.activity.Status;
import io.jxengine.jenkins.controller.JenkinsModel.Build;

/** Jenkins' results and stage statuses in the engine's terms. */
final class JenkinsStatuses {
  private JenkinsStatuses() {}

  /** A build's status: its {@code result}, or Running while {@code building}. */
  static Status of(Build b) {
    if (b.building()) {
      return Status.Running;
    }
    if (b.result() == null) {
      return Status.Pending;
    }
    return switch (b.result()) {
      case "SUCCESS" -> Status.Succeeded;
      case "UNSTABLE", "FAILURE" -> Status.Failed;
      case "ABORTED" -> Status.Aborted;
      case "NOT_BUILT" -> Status.NotExecuted;
      default -> Status.Error;
    };
  }

  /** Why a build ended as it did, for anything but success. */
  static String message(Build b) {
    return b.building() || b.result() == null || "SUCCESS".equals(b.result())
        ? "" : "Jenkins result " + b.result();
  }

  /** A {@code wfapi/describe} stage status (pipeline-stage-view's StatusExt). */
  static Status ofStage(String status) {
    return switch (status) {
      case "SUCCESS" -> Status.Succeeded;
      case "FAILED", "UNSTABLE" -> Status.Failed;
      case "ABORTED" -> Status.Aborted;
      case "IN_PROGRESS" -> Status.Running;
      case "PAUSED_PENDING_INPUT" -> Status.WaitingForApproval;
      case "NOT_EXECUTED" -> Status.NotExecuted;
      default -> Status.Pending;
    };
  }

  /** What started a build, in the engine's event words. */
  static String event(String causeClass) {
    if (causeClass == null) {
      return "other";
    }
    if (causeClass.contains("UserIdCause") || causeClass.contains("UserCause")) {
      return "manual";
    }
    if (causeClass.contains("TimerTrigger")) {
      return "cron";
    }
    if (causeClass.contains("SCMTrigger") || causeClass.contains("Push")
        || causeClass.contains("BranchIndexing") || causeClass.contains("BranchEvent")) {
      return "push";
    }
    if (causeClass.contains("UpstreamCause")) {
      return "upstream";
    }
    return causeClass.contains("RemoteCause") ? "remote" : "other";
  }
}
