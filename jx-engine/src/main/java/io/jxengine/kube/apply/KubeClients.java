package io.jxengine.kube.apply;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a Kubernetes cluster is configured for this process, and a client for it. A cluster is
 * configured when {@code KUBECONFIG} names an existing file, {@code ~/.kube/config} exists, or the
 * process runs in a pod ({@code KUBERNETES_SERVICE_HOST}). On embedded defaults none is, and
 * callers say so instead of letting fabric8 fall back to {@code localhost}.
 */
public final class KubeClients {
  private KubeClients() {}

  /** True when a cluster is configured in {@code env} (with {@code home} as the user's home). */
  public static boolean configured(Map<String, String> env, Path home) {
    String kubeconfig = env.get("KUBECONFIG");
    if (kubeconfig != null && !kubeconfig.isBlank()) {
      for (String part : kubeconfig.split(java.io.File.pathSeparator)) {
        if (!part.isBlank() && Files.isRegularFile(Path.of(part))) {
          return true;
        }
      }
      return false;
    }
    if (env.containsKey("KUBERNETES_SERVICE_HOST")) {
      return true;
    }
    return home != null && Files.isRegularFile(home.resolve(".kube").resolve("config"));
  }

  /** A client for the configured cluster, or empty when none is configured. */
  public static Optional<KubernetesClient> fromEnvironment() {
    String home = System.getProperty("user.home");
    if (!configured(System.getenv(), home == null ? null : Path.of(home))) {
      return Optional.empty();
    }
    return Optional.of(new KubernetesClientBuilder().build());
  }
}
