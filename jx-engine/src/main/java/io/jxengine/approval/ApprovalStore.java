package io.jxengine.approval;

import io.jxengine.model.Approval;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable approval gates, the channel between a waiting runner and whoever decides (another
 * process's {@code jxe approve}, the server's REST API). Thread-safe; every method commits before
 * it returns. Failures of the store itself are {@link io.jxengine.activity.StoreException}s.
 */
public interface ApprovalStore extends AutoCloseable {

  /**
   * Records that a step waits, or returns the record already there (a run resumed by another
   * runner keeps its gate and any decision made meanwhile).
   */
  ApprovalRecord open(long activityId, String stage, String step, Approval approval, Instant deadline);

  Optional<ApprovalRecord> get(long id);

  /** Every gate of an activity, in the order they were opened. */
  List<ApprovalRecord> forActivity(long activityId);

  /**
   * Moves a Waiting gate to {@code state} (decided by {@code user}, null for the engine's own
   * TimedOut/Stopped). Returns false, changing nothing, when the gate is no longer Waiting: the
   * first decision wins.
   */
  boolean settle(long id, ApprovalState state, String user);

  @Override
  void close();
}
