package io.jxengine.activity;

/** Statuses of activities and their steps, as in Jenkins X's PipelineActivity. */
public enum Status {
  Pending,
  Running,
  Succeeded,
  Failed,
  WaitingForApproval,
  Error,
  Aborted,
  NotExecuted,
  TimedOut,
  Cancelled;

  /** True once nothing will change this status any more. */
  public boolean isTerminal() {
    return switch (this) {
      case Pending, Running, WaitingForApproval -> false;
      default -> true;
    };
  }

  /** True for outcomes that make the pipeline unsuccessful. */
  public boolean isFailure() {
    return switch (this) {
      case Failed, Error, Aborted, TimedOut, Cancelled -> true;
      default -> false;
    };
  }
}
