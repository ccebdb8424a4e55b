package io.jxengine.backend;

import io.jxengine.model.Approval;
import java.time.Instant;

/**
 * How a backend reaches whoever decides a run's approval gates. The backend opens a gate when a
 * step with {@code approval:} starts, polls it until a decision arrives, and abandons it when its
 * timeout passes or the run stops; which of these happens first is the backend's business, the
 * gate only records and reports. The engine's implementation keeps gates in the store so another
 * process can decide them. Implementations are thread-safe (parallel stages wait at once).
 */
public interface ApprovalGate {
  /** Where no one can decide (a backend run without the engine): gates fail at once. */
  ApprovalGate NONE = (stage, step, approval, deadline) -> {
    throw new UnsupportedOperationException(
        "approval gates need the engine's store (jxe run, jxe server)");
  };

  /** A decision: approved or rejected, by whom. */
  record Decision(boolean approved, String user) {}

  /**
   * Opens (or, for a resumed run, finds) the gate of {@code stage}/{@code step}.
   *
   * @param deadline when the backend will give up waiting, or null; shown to approvers
   * @throws UnsupportedOperationException when this gate cannot take decisions at all
   */
  Waiting open(String stage, String step, Approval approval, Instant deadline);

  /** One open gate. */
  interface Waiting {
    /**
     * The decision if one is made within {@code maxWaitMillis}, else null. Returns early when a
     * decision arrives; cheap enough to call in a loop.
     */
    Decision poll(long maxWaitMillis) throws InterruptedException;

    /**
     * The backend stopped waiting without a decision ({@code timedOut}, else the run was
     * stopped); decisions that come later are refused. Returns the decision instead when one was
     * made meanwhile (the first word wins), else null.
     */
    Decision abandon(boolean timedOut);
  }
}
