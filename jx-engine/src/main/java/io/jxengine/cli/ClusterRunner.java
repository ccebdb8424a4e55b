package io.jxengine.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jxengine.backend.kube.KubeRunService;
import io.jxengine.backend.kube.KubeSecrets;
import io.jxengine.backend.kube.PodLogs;
import io.jxengine.compile.tekton.TektonOptions;
import io.jxengine.engine.RunContext;

/**
 * What {@code jxe run --kube} runs on: a client configured as {@code kubectl} is (fabric8's
 * auto-configuration: {@code KUBECONFIG}, {@code ~/.kube/config}, or the pod's service account
 * in a cluster) and the cluster executor on the local activity store. An unreachable cluster is a
 * {@link UserException} (one line, exit 1), found by API discovery before anything is created.
 */
final class ClusterRunner implements AutoCloseable {
  private final KubernetesClient client;
  private final KubeRunService service;
  private final String namespace;

  private ClusterRunner(KubernetesClient client, KubeRunService service, String namespace) {
    this.client = client;
    this.service = service;
    this.namespace = namespace;
  }

  /**
   * @param context the kubeconfig context, or null for the current one
   * @param namespace the build namespace, or null for the context's (else {@code default})
   */
  static ClusterRunner connect(String context, String namespace, EngineContext engine) {
    Config config = Config.autoConfigure(context);
    // a refused connection is reported at once; informers still reconnect their watches
    config.setRequestRetryBackoffLimit(1);
    String ns = namespace != null ? namespace
        : config.getNamespace() != null ? config.getNamespace() : "default";
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    KubeRunService service = new KubeRunService(client, ns, engine.store(), engine.logs(),
        new KubeSecrets(client, ns), TektonOptions.defaults(), new PodLogs(client));
    try {
      service.hasTekton();
    } catch (KubernetesClientException e) {
      service.close();
      client.close();
      throw new UserException("cannot reach the Kubernetes cluster at " + config.getMasterUrl()
          + " (" + rootCause(e) + "); check KUBECONFIG or --context");
    }
    return new ClusterRunner(client, service, ns);
  }

  KubeRunService service() {
    return service;
  }

  String namespace() {
    return namespace;
  }

  /** The cluster clones the repository itself: it needs a URL it can reach. */
  static void requireRemote(RunContext ctx) {
    String url = ctx.gitUrl();
    if (url == null || url.isBlank() || url.startsWith("file:") || url.startsWith("/")) {
      throw new UserException("the cluster clones the repository itself, and it has no remote URL"
          + " (git remote origin) the cluster can reach; push it and add the remote first");
    }
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.replaceAll("\\s+", " ");
  }

  @Override
  public void close() {
    service.close();
    client.close();
  }
}
