package io.jxengine.kube.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses helm's multi-document YAML into fabric8 objects: known kinds become typed classes
 * ({@code Deployment}, {@code Ingress}...), others {@code GenericKubernetesResource}. Empty
 * documents (a template that rendered nothing) are skipped. Pure and thread-safe.
 */
public final class Manifests {
  private Manifests() {}

  /**
   * The objects of {@code yaml}, in order.
   *
   * @throws KubeApplyException when a document is not a Kubernetes object (no kind or name)
   */
  public static List<HasMetadata> parse(String yaml) {
    List<HasMetadata> out = new ArrayList<>();
    int index = 0;
    for (String doc : yaml.split("(?m)^---.*$")) {
      index++;
      boolean empty = doc.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"));
      if (empty) {
        continue;
      }
      HasMetadata o;
      try {
        o = Serialization.unmarshal(doc, HasMetadata.class);
      } catch (RuntimeException e) {
        throw new KubeApplyException("document " + index + " is not a Kubernetes object: "
            + e.getMessage(), e);
      }
      if (o == null || o.getKind() == null || o.getMetadata() == null
          || o.getMetadata().getName() == null) {
        throw new KubeApplyException("document " + index + " has no kind or metadata.name");
      }
      out.add(o);
    }
    return out;
  }
}
