package io.jxengine.approval;

import io.jxengine.approval.ApprovalException.Reason;
import java.util.List;

/**
 * Records approvers' decisions: picks the waiting gate of a run, checks that the user may decide
 * it, settles it and wakes waiters in this JVM. Shared by {@code jxe approve} and the REST API.
 * Thread-safe as its store is; two racing decisions cannot both win (the store settles only a
 * Waiting gate).
 */
public final class ApprovalDesk {
  private final ApprovalStore store;

  public ApprovalDesk(ApprovalStore store) {
    this.store = store;
  }

  /** Every gate of an activity, waiting or ended, in the order they were opened. */
  public List<ApprovalRecord> all(long activityId) {
    return store.forActivity(activityId);
  }

  /** The gates of an activity that wait for a decision. */
  public List<ApprovalRecord> waiting(long activityId) {
    return store.forActivity(activityId).stream().filter(r -> r.state().isOpen()).toList();
  }

  /**
   * Approves or rejects a waiting gate of {@code activityId} as {@code user}.
   *
   * @param step the gate's step name, or null when only one gate waits
   * @return the gate as settled
   * @throws ApprovalException when nothing waits, the choice is ambiguous, the user is not a
   *     submitter, or another decision won the race; nothing is recorded then
   */
  public ApprovalRecord decide(long activityId, String step, boolean approve, String user) {
    List<ApprovalRecord> open = waiting(activityId);
    List<ApprovalRecord> candidates =
        step == null ? open : open.stream().filter(r -> r.step().equals(step)).toList();
    if (candidates.isEmpty()) {
      throw new ApprovalException(Reason.NOT_WAITING, step == null
          ? "no approval is waiting"
          : "no approval `" + step + "` is waiting" + (open.isEmpty() ? ""
              : "; waiting: " + String.join(", ", open.stream().map(ApprovalRecord::step).toList())));
    }
    if (candidates.size() > 1) {
      throw new ApprovalException(Reason.AMBIGUOUS, "several approvals are waiting ("
          + String.join(", ", candidates.stream().map(ApprovalRecord::step).toList())
          + "); name one with --step");
    }
    ApprovalRecord gate = candidates.get(0);
    if (!gate.allows(user)) {
      throw new ApprovalException(Reason.FORBIDDEN, "`" + user + "` may not decide approval `"
          + gate.step() + "`; submitters: " + String.join(", ", gate.submitters()));
    }
    if (!store.settle(gate.id(), approve ? ApprovalState.Approved : ApprovalState.Rejected, user)) {
      throw new ApprovalException(Reason.NOT_WAITING,
          "approval `" + gate.step() + "` was decided or ended meanwhile");
    }
    ApprovalSignals.decided();
    return store.get(gate.id()).orElse(gate);
  }
}
