package io.jxengine.kube.state;

import java.util.Map;

/** Labels and annotations on the engine's objects in its namespace. */
final class Labels {
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String ENGINE = "jx-engine";
  /** What an engine ConfigMap holds: a counter, a delivery, a queued run. */
  static final String KIND = "jx-engine.io/kind";
  static final String KIND_COUNTER = "counter";
  static final String KIND_DELIVERY = "delivery";
  static final String KIND_QUEUED_RUN = "queued-run";
  static final String DELIVERY_STATE = "jx-engine.io/delivery-state";
  static final String DELIVERY_ID = "jx-engine.io/delivery-id";
  /** On an activity: the engine instance that runs it (absent while queued). */
  static final String RUNNER = "jx-engine.io/runner";
  /** On an activity: someone asked its runner to stop it. */
  static final String STOP_REQUESTED = "jx-engine.io/stop-requested";

  private Labels() {}

  static Map<String, String> of(String kind) {
    return Map.of(MANAGED_BY, ENGINE, KIND, kind);
  }
}
