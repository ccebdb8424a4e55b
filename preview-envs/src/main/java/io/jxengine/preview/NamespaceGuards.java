package io.jxengine.preview;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import java.util.List;
import java.util.Map;

/**
 * The namespace of a preview and what keeps one preview from taking the cluster: a ResourceQuota
 * (pods, CPU and memory in total) and a LimitRange (defaults for containers that set none, so
 * the quota can be enforced). Fixed sizes for now; a chart may ship stricter ones of its own.
 */
final class NamespaceGuards {
  static final String QUOTA = "preview-quota";
  static final String LIMITS = "preview-limits";

  private NamespaceGuards() {}

  static HasMetadata namespace(String name, Map<String, String> labels) {
    return new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels)
        .endMetadata().build();
  }

  static List<HasMetadata> guards(String namespace) {
    HasMetadata quota = new ResourceQuotaBuilder()
        .withNewMetadata().withName(QUOTA).withNamespace(namespace).endMetadata()
        .withNewSpec()
        .addToHard("pods", new Quantity("20"))
        .addToHard("requests.cpu", new Quantity("2"))
        .addToHard("requests.memory", new Quantity("4Gi"))
        .addToHard("limits.cpu", new Quantity("4"))
        .addToHard("limits.memory", new Quantity("8Gi"))
        .endSpec().build();
    HasMetadata limits = new LimitRangeBuilder()
        .withNewMetadata().withName(LIMITS).withNamespace(namespace).endMetadata()
        .withNewSpec().addNewLimit().withType("Container")
        .addToDefault("cpu", new Quantity("500m"))
        .addToDefault("memory", new Quantity("512Mi"))
        .addToDefaultRequest("cpu", new Quantity("100m"))
        .addToDefaultRequest("memory", new Quantity("128Mi"))
        .endLimit().endSpec().build();
    return List.of(quota, limits);
  }
}
