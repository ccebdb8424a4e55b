package io.jxengine.kube.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** One object in the cluster: kind, namespace (null when cluster-scoped) and name. */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {
  public static ObjectRef of(HasMetadata o) {
    return new ObjectRef(o.getApiVersion(), o.getKind(), o.getMetadata().getNamespace(),
        o.getMetadata().getName());
  }

  @Override
  public String toString() {
    return kind + " " + (namespace == null ? "" : namespace + "/") + name;
  }
}
