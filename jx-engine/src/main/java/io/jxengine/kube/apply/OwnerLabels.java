package io.jxengine.kube.apply;

import io.jxengine.compile.tekton.KubeNames;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels that mark objects as belonging to one deployment made by jx-engine (one preview, one
 * environment's application). Every applied object gets them; pruning deletes objects that carry
 * them but were not rendered this time, so two owner sets never prune each other's objects.
 *
 * @param labels label keys and values, all valid label values
 */
public record OwnerLabels(Map<String, String> labels) {
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String OWNER = KubeNames.PREFIX + "owner-set";

  public OwnerLabels {
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("an owner set needs at least one label");
    }
    labels = Map.copyOf(labels);
  }

  /** {@code managed-by=jx-engine} and {@code jx-engine.io/owner-set=<owner>} (made label-safe). */
  public static OwnerLabels of(String owner) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(MANAGED_BY, "jx-engine");
    m.put(OWNER, KubeNames.labelValue(owner));
    return new OwnerLabels(m);
  }
}
