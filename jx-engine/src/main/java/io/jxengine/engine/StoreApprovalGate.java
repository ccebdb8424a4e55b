package io.jxengine.engine;

import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.Status;
import io.jxengine.approval.ApprovalRecord;
import io.jxengine.approval.ApprovalSignals;
import io.jxengine.approval.ApprovalState;
import io.jxengine.approval.ApprovalStore;
import io.jxengine.backend.ApprovalGate;
import io.jxengine.model.Approval;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The approval gates of one run, kept in the {@link ApprovalStore} so that {@code jxe approve}
 * from another process, or the server, can decide them. While any gate of the run waits, the
 * activity is WaitingForApproval with the gate's message; it is Running again once none waits.
 * A poll is one single-row read of the store, or returns at once when a decision is made in this
 * JVM ({@link ApprovalSignals}). Thread-safe.
 */
final class StoreApprovalGate implements ApprovalGate {
  private final ApprovalStore approvals;
  private final ActivityStore activities;
  private final long activityId;
  private final AtomicInteger open = new AtomicInteger();

  StoreApprovalGate(ApprovalStore approvals, ActivityStore activities, long activityId) {
    this.approvals = approvals;
    this.activities = activities;
    this.activityId = activityId;
  }

  @Override
  public Waiting open(String stage, String step, Approval approval, Instant deadline) {
    ApprovalRecord gate = approvals.open(activityId, stage, step, approval, deadline);
    open.incrementAndGet();
    activities.updateActivity(activityId, Status.WaitingForApproval, null, null,
        "waiting for approval: " + approval.message());
    return new Waiting() {
      private boolean closed;

      @Override
      public Decision poll(long maxWaitMillis) throws InterruptedException {
        long seen = ApprovalSignals.generation();
        Decision d = decision(gate.id());
        if (d == null) {
          ApprovalSignals.awaitAfter(seen, maxWaitMillis);
          d = decision(gate.id());
        }
        if (d != null) {
          close();
        }
        return d;
      }

      @Override
      public Decision abandon(boolean timedOut) {
        boolean settled = approvals.settle(
            gate.id(), timedOut ? ApprovalState.TimedOut : ApprovalState.Stopped, null);
        Decision d = settled ? null : decision(gate.id());
        close();
        return d;
      }

      private synchronized void close() {
        if (!closed) {
          closed = true;
          if (open.decrementAndGet() == 0) {
            activities.updateActivity(activityId, Status.Running, null, null, "");
          }
        }
      }
    };
  }

  private Decision decision(long id) {
    ApprovalRecord r = approvals.get(id).orElse(null);
    if (r == null) {
      return null;
    }
    return switch (r.state()) {
      case Approved -> new Decision(true, r.decidedBy());
      case Rejected -> new Decision(false, r.decidedBy());
      default -> null;
    };
  }
}
