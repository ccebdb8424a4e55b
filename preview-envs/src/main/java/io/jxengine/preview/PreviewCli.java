package io.jxengine.preview;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jxengine.cli.ExitCodes;
import io.jxengine.kube.apply.KubeApplyException;
import io.jxengine.kube.apply.KubeClients;
import io.jxengine.kube.apply.RolloutWaiter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the preview commands share: the cluster client, the store of Preview resources, the
 * service, and the provider lookup. Opened per command; close it when done.
 */
final class PreviewCli implements AutoCloseable {
  static final String NO_CLUSTER = "previews need a Kubernetes cluster, and none is configured"
      + " (no kubeconfig: set KUBECONFIG or write ~/.kube/config, or run the engine in a pod)";

  final KubernetesClient client;
  final PreviewStore store;
  final PreviewProviders providers;
  final PreviewService service;

  private PreviewCli(KubernetesClient client, String namespace, Map<String, String> env) {
    this.client = client;
    this.store = new PreviewStore(client, recordNamespace(client, namespace));
    this.providers = PreviewProviders.fromEnvironment(env);
    this.service = new PreviewService(client, store, new PreviewComments(providers),
        DefaultChart.path(), Clock.systemUTC(), new RolloutWaiter(client));
  }

  /** What a command does with an open context; returns its exit code. */
  interface Work {
    int run(PreviewCli cli) throws Exception;
  }

  /**
   * Runs {@code work} with a context, or fails with {@link #NO_CLUSTER}; a {@link
   * KubeApplyException} (cluster refused, CRD missing) becomes one line and exit 1.
   */
  static int with(String namespace, PrintWriter err, Work work) throws Exception {
    Optional<PreviewCli> cli = open(namespace);
    if (cli.isEmpty()) {
      err.println("jxe: " + NO_CLUSTER);
      err.flush();
      return ExitCodes.FAILED;
    }
    try (PreviewCli c = cli.get()) {
      return work.run(c);
    } catch (KubeApplyException e) {
      err.println("jxe: " + e.getMessage());
      return ExitCodes.FAILED;
    } finally {
      err.flush();
    }
  }

  /** Empty when no cluster is configured. */
  static Optional<PreviewCli> open(String namespace) {
    return KubeClients.fromEnvironment().map(c -> new PreviewCli(c, namespace, System.getenv()));
  }

  /** Where Preview resources live: the option, {@code JXE_PREVIEW_NAMESPACE}, the context's. */
  static String recordNamespace(KubernetesClient client, String option) {
    if (option != null && !option.isBlank()) {
      return option;
    }
    String env = System.getenv("JXE_PREVIEW_NAMESPACE");
    if (env != null && !env.isBlank()) {
      return env;
    }
    return client.getNamespace() == null ? "default" : client.getNamespace();
  }

  /** Appends {@code NAME=value} lines to the file {@code $JXE_ENV} names, when a step runs us. */
  static void export(Map<String, String> vars) {
    String file = System.getenv("JXE_ENV");
    if (file == null || file.isBlank()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    // A value with a line break would forge other variables: keep the first line only.
    vars.forEach((k, v) -> sb.append(k).append('=')
        .append(v == null ? "" : v.lines().findFirst().orElse("")).append('\n'));
    try {
      Files.writeString(Path.of(file), sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("jxe: warning: cannot write " + file + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    providers.close();
    client.close();
  }
}
