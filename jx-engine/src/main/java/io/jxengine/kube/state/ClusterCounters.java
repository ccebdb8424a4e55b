package io.jxengine.kube.state;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashMap;
import java.util.Map;

/**
 * Numbers handed out once across every replica: activity ids, build numbers per
 * owner/repo/branch, delivery ids. Each counter is a ConfigMap whose {@code last} key holds the
 * last number given; taking the next one is an update carrying the resourceVersion that was read,
 * so of two replicas taking a number at once one gets 409 Conflict and tries again with the new
 * value (see {@link Conflicts}). Creating a missing counter is the same race, decided by the
 * name (409 AlreadyExists).
 *
 * <p>Thread-safe. A number taken by a writer that then fails is lost: numbers may have gaps,
 * never repeats.
 */
final class ClusterCounters {
  static final String LAST = "last";

  private final KubernetesClient client;
  private final String namespace;

  ClusterCounters(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  /**
   * The next number of counter {@code name}, starting at 1. {@code identity} is written into a new
   * counter (for people reading the cluster: which pipeline it counts).
   */
  long next(String name, Map<String, String> identity) {
    var configMaps = client.configMaps().inNamespace(namespace);
    return Conflicts.retry("take the next number of " + name, () -> {
      ConfigMap current = configMaps.withName(name).get();
      if (current == null) {
        Map<String, String> data = new HashMap<>(identity);
        data.put(LAST, "1");
        configMaps.resource(new ConfigMapBuilder()
            .withNewMetadata().withName(name).withLabels(Labels.of(Labels.KIND_COUNTER))
            .endMetadata().withData(data).build()).create();
        return 1L;
      }
      long next = parse(current) + 1;
      current.getData().put(LAST, Long.toString(next));
      configMaps.resource(current).update();
      return next;
    });
  }

  private static long parse(ConfigMap counter) {
    try {
      return Long.parseLong(counter.getData().getOrDefault(LAST, "0"));
    } catch (NumberFormatException e) {
      throw new KubernetesClientException(
          "counter " + counter.getMetadata().getName() + " holds no number", e);
    }
  }
}
