package io.jxengine.approval;

/** A decision that cannot be recorded; {@link #reason} tells the CLI's exit and the HTTP status. */
public final class ApprovalException extends RuntimeException {
  /** Why the decision was refused. */
  public enum Reason {
    /** No gate of that run waits (none, or already decided, timed out, stopped). */
    NOT_WAITING,
    /** Several gates wait and no step was named. */
    AMBIGUOUS,
    /** The user is not one of the gate's submitters. */
    FORBIDDEN
  }

  private final Reason reason;

  public ApprovalException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
