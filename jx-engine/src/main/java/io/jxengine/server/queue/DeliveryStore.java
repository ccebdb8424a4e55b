package io.jxengine.server.queue;

import java.util.Map;
import java.util.Optional;

/**
 * The durable intake of webhook deliveries. Thread-safe; every method commits before it returns,
 * so a delivery answered 2xx survives a crash.
 */
public interface DeliveryStore {
  /** What {@link #store} did. */
  record Stored(long id, boolean duplicate) {}

  /**
   * Stores the delivery in state {@link DeliveryState#received}, unless one with the same provider
   * and delivery id exists: then nothing is written and the existing row is returned as a
   * duplicate. Safe under concurrent calls with the same id.
   */
  Stored store(NewDelivery delivery);

  /**
   * Claims the oldest received delivery (received → processing, attempts + 1) in one transaction,
   * so two workers never claim the same one.
   */
  Optional<Delivery> claimNext();

  /**
   * Ends a claimed delivery as {@link DeliveryState#done} or {@link DeliveryState#failed}, or puts
   * it back as {@link DeliveryState#received} to be tried again, recording the error and note.
   */
  void finish(long id, DeliveryState state, String error, String note);

  /** After a restart: deliveries left processing go back to received. Returns how many. */
  int requeueProcessing();

  Optional<Delivery> getDelivery(long id);

  /** How many deliveries are in each state (states with none are absent). */
  Map<DeliveryState, Long> deliveriesByState();
}
