package io.jxengine.kube.apply;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a Kubernetes cluster is configured for this process, and a client for it. A cluster is
 * configured when {@code JXE_KUBECONFIG_DATA} holds a kubeconfig's text (how an environment
 * repository's pipeline receives the engine's cluster credentials), {@code KUBECONFIG} names an
 * existing file, {@code ~/.kube/config} exists, or the process runs in a pod ({@code
 * KUBERNETES_SERVICE_HOST}). On embedded defaults none is, and callers say so instead of letting
 * fabric8 fall back to {@code localhost}.
 */
public final class KubeClients {
  /** A kubeconfig's text, given to a step as a secret; wins over KUBECONFIG. */
  public static final String KUBECONFIG_DATA = "JXE_KUBECONFIG_DATA";

  /** Kubeconfigs are a few kilobytes; a bigger file is not read into a secret. */
  static final long MAX_KUBECONFIG_BYTES = 1024 * 1024;

  private KubeClients() {}

  /** True when a cluster is configured in {@code env} (with {@code home} as the user's home). */
  public static boolean configured(Map<String, String> env, Path home) {
    String data = env.get(KUBECONFIG_DATA);
    if (data != null && !data.isBlank()) {
      return true;
    }
    String kubeconfig = env.get("KUBECONFIG");
    if (kubeconfig != null && !kubeconfig.isBlank()) {
      return kubeconfigFile(env, home).isPresent();
    }
    if (env.containsKey("KUBERNETES_SERVICE_HOST")) {
      return true;
    }
    return kubeconfigFile(env, home).isPresent();
  }

  /**
   * The kubeconfig file this process uses: the first existing file of {@code KUBECONFIG}, else
   * {@code ~/.kube/config}; empty when there is none.
   */
  public static Optional<Path> kubeconfigFile(Map<String, String> env, Path home) {
    String kubeconfig = env.get("KUBECONFIG");
    if (kubeconfig != null && !kubeconfig.isBlank()) {
      for (String part : kubeconfig.split(java.io.File.pathSeparator)) {
        if (!part.isBlank() && Files.isRegularFile(Path.of(part))) {
          return Optional.of(Path.of(part));
        }
      }
      return Optional.empty();
    }
    Path file = home == null ? null : home.resolve(".kube").resolve("config");
    return file != null && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /**
   * The text of this process's kubeconfig file ({@link #kubeconfigFile}), empty when there is none
   * or it is unreadable or larger than 1 MiB.
   */
  public static Optional<String> kubeconfigText(Map<String, String> env, Path home) {
    return kubeconfigFile(env, home).flatMap(file -> {
      try {
        if (Files.size(file) > MAX_KUBECONFIG_BYTES) {
          return Optional.empty();
        }
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        return Optional.empty();
      }
    });
  }

  /** A client for the configured cluster, or empty when none is configured. */
  public static Optional<KubernetesClient> fromEnvironment() {
    String home = System.getProperty("user.home");
    Map<String, String> env = System.getenv();
    if (!configured(env, home == null ? null : Path.of(home))) {
      return Optional.empty();
    }
    String data = env.get(KUBECONFIG_DATA);
    if (data != null && !data.isBlank()) {
      return Optional.of(new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(data)).build());
    }
    return Optional.of(new KubernetesClientBuilder().build());
  }
}
