package io.jxengine.preview;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.jxengine.kube.apply.KubeApplyException;
import java.util.List;
import java.util.Optional;

/**
 * The {@link Preview} resources in the engine's namespace. Thread-safe if the client is; a
 * missing CRD or an unreachable cluster is a {@link KubeApplyException} naming the cause.
 */
public final class PreviewStore {
  private final KubernetesClient client;
  private final String namespace;

  /** @param namespace where Preview resources live (the engine's own namespace) */
  public PreviewStore(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  public String namespace() {
    return namespace;
  }

  public List<Preview> list() {
    try {
      return previews().list().getItems();
    } catch (KubernetesClientException e) {
      throw failure("list previews", e);
    }
  }

  public Optional<Preview> get(String name) {
    try {
      return Optional.ofNullable(previews().withName(name).get());
    } catch (KubernetesClientException e) {
      throw failure("read preview " + name, e);
    }
  }

  /** Creates or replaces the resource (the engine owns every field of it). */
  public Preview save(Preview preview) {
    preview.getMetadata().setNamespace(namespace);
    preview.getMetadata().setResourceVersion(null);
    try {
      return previews().resource(preview).createOr(r -> r.update());
    } catch (KubernetesClientException e) {
      throw failure("save preview " + preview.getMetadata().getName(), e);
    }
  }

  public void delete(String name) {
    try {
      previews().withName(name).delete();
    } catch (KubernetesClientException e) {
      throw failure("delete preview " + name, e);
    }
  }

  private NonNamespaceOperation<Preview, KubernetesResourceList<Preview>, Resource<Preview>> previews() {
    return client.resources(Preview.class).inNamespace(namespace);
  }

  private static KubeApplyException failure(String what, KubernetesClientException e) {
    String why = e.getCode() == 404
        ? "the Preview CRD (" + Preview.CRD_NAME + ") is not installed; install the jx-engine chart"
        : e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage() : e.getMessage();
    return new KubeApplyException("cannot " + what + ": " + why, e);
  }
}
