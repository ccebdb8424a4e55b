package io.jxengine.server.queue;

/** Where a stored webhook delivery is in its handling. */
public enum DeliveryState {
  /** Stored and answered; waiting for a worker. */
  received,
  /** Claimed by a worker; goes back to received if the server stops before it is done. */
  processing,
  /** The planner decided and every run it asked for is queued. */
  done,
  /** Handling failed; {@code error} says why. */
  failed
}
