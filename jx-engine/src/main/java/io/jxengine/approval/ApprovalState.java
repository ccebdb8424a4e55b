package io.jxengine.approval;

/** Where an approval gate stands: waiting, or how it ended. */
public enum ApprovalState {
  Waiting,
  Approved,
  Rejected,
  /** Its timeout passed before anyone decided. */
  TimedOut,
  /** The run was stopped or ended while the gate waited. */
  Stopped;

  public boolean isOpen() {
    return this == Waiting;
  }
}
