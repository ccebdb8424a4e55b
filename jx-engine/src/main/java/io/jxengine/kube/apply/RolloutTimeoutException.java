package io.jxengine.kube.apply;

import java.util.List;

/**
 * Workloads were not ready before the deadline. {@link #notReady()} says, per workload, why (for
 * example {@code deployment web: 0/1 replicas available}).
 */
public final class RolloutTimeoutException extends KubeApplyException {
  private final List<String> notReady;

  public RolloutTimeoutException(String message, List<String> notReady) {
    super(message);
    this.notReady = List.copyOf(notReady);
  }

  public List<String> notReady() {
    return notReady;
  }
}
