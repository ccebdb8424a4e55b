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
 * the quota can be enforced). Sizes from {@link PreviewGuards}; a chart may ship stricter ones.
 */
final class NamespaceGuards {
  static final String QUOTA = "preview-quota";
  static final String LIMITS = "preview-limits";

  private NamespaceGuards() {}

  static HasMetadata namespace(String name, Map<String, String> labels) {
    return new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels)
        .endMetadata().build();
  }

  static List<HasMetadata> guards(String namespace, PreviewGuards sizes) {
    Map<String, Quantity> hard = new java.util.TreeMap<>();
    sizes.quota().forEach((k, v) -> hard.put(k, new Quantity(v)));
    HasMetadata quota = new ResourceQuotaBuilder()
        .withNewMetadata().withName(QUOTA).withNamespace(namespace).endMetadata()
        .withNewSpec().withHard(hard).endSpec().build();
    Map<String, String> l = sizes.limits();
    HasMetadata limits = new LimitRangeBuilder()
        .withNewMetadata().withName(LIMITS).withNamespace(namespace).endMetadata()
        .withNewSpec().addNewLimit().withType("Container")
        .addToDefault("cpu", new Quantity(l.get("cpu")))
        .addToDefault("memory", new Quantity(l.get("memory")))
        .addToDefaultRequest("cpu", new Quantity(l.get("request.cpu")))
        .addToDefaultRequest("memory", new Quantity(l.get("request.memory")))
        .endLimit().endSpec().build();
    return List.of(quota, limits);
  }
}
