package io.jxengine.kube.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Waits until the Deployments and StatefulSets among applied objects are rolled out: the
 * controller has seen the latest generation and every replica is updated and available (ready for
 * a StatefulSet). Other kinds are ready once applied.
 *
 * <p>Polls the API server every {@code interval} until {@code timeout}; a Deployment whose
 * {@code Progressing} condition says {@code ProgressDeadlineExceeded} fails at once. Blocking;
 * thread-safe if the client is. An interrupt ends the wait with a {@link KubeApplyException}.
 */
public final class RolloutWaiter {
  private final KubernetesClient client;
  private final Duration interval;

  public RolloutWaiter(KubernetesClient client, Duration interval) {
    this.client = client;
    this.interval = interval;
  }

  public RolloutWaiter(KubernetesClient client) {
    this(client, Duration.ofSeconds(1));
  }

  /**
   * Returns when every workload among {@code objects} is ready.
   *
   * @throws RolloutTimeoutException listing each workload not ready and why
   */
  public void await(List<HasMetadata> objects, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<String> notReady = new ArrayList<>();
      for (HasMetadata o : objects) {
        reasonNotReady(o).ifPresent(notReady::add);
      }
      if (notReady.isEmpty()) {
        return;
      }
      Optional<String> failed = notReady.stream().filter(r -> r.contains("ProgressDeadlineExceeded"))
          .findFirst();
      if (failed.isPresent() || System.nanoTime() >= deadline) {
        String why = failed.isPresent() ? "rollout failed" : "rollout not ready after " + timeout;
        throw new RolloutTimeoutException(why + ": " + String.join("; ", notReady), notReady);
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KubeApplyException("interrupted while waiting for the rollout", e);
      }
    }
  }

  /** Empty when ready; otherwise why not, naming the workload. */
  Optional<String> reasonNotReady(HasMetadata o) {
    String ns = o.getMetadata().getNamespace();
    String name = o.getMetadata().getName();
    if (o instanceof Deployment) {
      Deployment d = client.apps().deployments().inNamespace(ns).withName(name).get();
      return d == null ? Optional.of("deployment " + name + ": gone") : deployment(d);
    }
    if (o instanceof StatefulSet) {
      StatefulSet s = client.apps().statefulSets().inNamespace(ns).withName(name).get();
      return s == null ? Optional.of("statefulset " + name + ": gone") : statefulSet(s);
    }
    return Optional.empty();
  }

  static Optional<String> deployment(Deployment d) {
    String name = "deployment " + d.getMetadata().getName();
    int want = d.getSpec() == null || d.getSpec().getReplicas() == null ? 1
        : d.getSpec().getReplicas();
    var st = d.getStatus();
    if (st == null || st.getObservedGeneration() == null
        || (d.getMetadata().getGeneration() != null
            && st.getObservedGeneration() < d.getMetadata().getGeneration())) {
      return Optional.of(name + ": not yet observed by its controller");
    }
    String condition = "";
    if (st.getConditions() != null) {
      for (DeploymentCondition c : st.getConditions()) {
        if (!"True".equals(c.getStatus()) && c.getMessage() != null) {
          condition = " (" + c.getType() + ": " + Objects.toString(c.getReason(), "") + " "
              + c.getMessage() + ")";
        }
      }
    }
    int updated = orZero(st.getUpdatedReplicas());
    int available = orZero(st.getAvailableReplicas());
    if (updated < want || available < want) {
      return Optional.of(name + ": " + available + "/" + want + " replicas available, " + updated
          + " updated" + condition);
    }
    return Optional.empty();
  }

  static Optional<String> statefulSet(StatefulSet s) {
    String name = "statefulset " + s.getMetadata().getName();
    int want = s.getSpec() == null || s.getSpec().getReplicas() == null ? 1
        : s.getSpec().getReplicas();
    var st = s.getStatus();
    if (st == null || st.getObservedGeneration() == null
        || (s.getMetadata().getGeneration() != null
            && st.getObservedGeneration() < s.getMetadata().getGeneration())) {
      return Optional.of(name + ": not yet observed by its controller");
    }
    int ready = orZero(st.getReadyReplicas());
    int updated = orZero(st.getUpdatedReplicas());
    if (ready < want || updated < want) {
      return Optional.of(name + ": " + ready + "/" + want + " replicas ready, " + updated
          + " updated");
    }
    return Optional.empty();
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }
}
