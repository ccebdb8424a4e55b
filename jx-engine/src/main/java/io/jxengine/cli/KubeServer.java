package io.jxengine.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jxengine.backend.kube.KubeRunService;
import io.jxengine.backend.kube.PodLogs;
import io.jxengine.compile.tekton.TektonOptions;
import io.jxengine.kube.crd.PipelineActivity;
import io.jxengine.kube.state.KubeActivityStore;
import io.jxengine.kube.state.KubeDeliveryStore;
import io.jxengine.kube.state.KubeLeadership;
import io.jxengine.kube.state.KubeRunQueue;
import io.jxengine.kube.state.KubeSettings;
import io.jxengine.kube.state.LeaderConsumption;
import io.jxengine.server.ServerConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code jxe server --kube}: the engine server with its state in the cluster (activities as
 * PipelineActivity resources, deliveries and queued runs as ConfigMaps, in {@code
 * JXE_NAMESPACE}) and leader election on the Lease {@code JXE_LEADER_LEASE}, so several replicas
 * share one truth and one of them consumes the queue. Settings come from the environment the Helm
 * chart sets ({@link KubeSettings}). Pipelines run on the cluster ({@link KubeRunService}, in the
 * first of {@code JXE_BUILD_NAMESPACES}). Repositories and logs stay in {@code $JXE_HOME}.
 *
 * <p>Errors: wrong settings, an unreachable API server, a missing CRD are {@link
 * UserException}s (one line, exit 2 or 1), checked before the server starts.
 */
final class KubeServer implements AutoCloseable {
  private final KubernetesClient client;
  private final EngineContext engine;
  private final EmbeddedServer server;

  private KubeServer(KubernetesClient client, EngineContext engine, EmbeddedServer server) {
    this.client = client;
    this.engine = engine;
    this.server = server;
  }

  /** Reads the settings (exit 2 when wrong) and checks them before connecting. */
  static KubeSettings settings(Map<String, String> env) {
    try {
      return KubeSettings.fromEnvironment(env);
    } catch (KubeSettings.InvalidException e) {
      throw new UserException(e.getMessage(), ExitCodes.USAGE);
    }
  }

  static KubeServer start(KubeSettings settings, ServerConfig config, PrintWriter out) {
    KubernetesClient client = new KubernetesClientBuilder().build();
    try {
      check(client, settings);
      KubeActivityStore activities =
          new KubeActivityStore(client, settings.namespace(), settings.instance());
      KubeRunQueue queue = new KubeRunQueue(client, settings.namespace(), activities);
      KubeDeliveryStore deliveries = new KubeDeliveryStore(client, settings.namespace());
      EngineContext engine = new EngineContext(activities);
      KubeRunService runner = runner(client, settings, activities, engine);
      EmbeddedServer.State state = new EmbeddedServer.State(deliveries, queue, runner,
          new DefaultWebhookSecret(engine.repositories(), settings.webhookSecret()),
          new ClusterProviderFactory(settings, engine.secrets(List.of())), runner,
          app -> consumption(client, settings, activities, runner, app));
      return new KubeServer(client, engine, EmbeddedServer.start(engine, config, out, state));
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** Runs go to the first build namespace as the chart's build service account. */
  private static KubeRunService runner(KubernetesClient client, KubeSettings settings,
      KubeActivityStore activities, EngineContext engine) {
    TektonOptions defaults = TektonOptions.defaults();
    TektonOptions options = new TektonOptions(defaults.defaultImage(), defaults.cloneImage(),
        defaults.storageClass(), defaults.storageSize(), settings.buildServiceAccount(),
        defaults.cpuRequest(), defaults.memoryRequest(), defaults.runAsUser(),
        defaults.rootImages(), defaults.finallyTimeout());
    return new KubeRunService(client, settings.buildNamespaces().get(0), activities,
        engine.logs(), engine.secrets(List.of()), options, new PodLogs(client));
  }

  private static EmbeddedServer.Consumption consumption(KubernetesClient client,
      KubeSettings settings, KubeActivityStore activities, KubeRunService runner,
      io.jxengine.server.ServerApp app) {
    if (settings.leaseName() == null) {
      // No election configured: this replica is the only consumer (one replica). Builds still
      // running on the cluster from before a restart are followed again, not ended.
      reattach(runner).forEach(activities::adopt);
      activities.recoverOrphans();
      return new EmbeddedServer.Consumption() {
        @Override
        public void start() {}

        @Override
        public void close() {}
      };
    }
    KubeLeadership.Timing timing = KubeLeadership.Timing.forLease(settings.leaseDuration());
    LeaderConsumption leader = new LeaderConsumption(app, activities, timing.retryPeriod(),
        (lead, follow) -> new KubeLeadership(client, settings.namespace(), settings.leaseName(),
            settings.instance(), timing, lead, follow),
        () -> reattach(runner));
    return new EmbeddedServer.Consumption() {
      @Override
      public void start() {
        leader.start();
      }

      @Override
      public void close() {
        leader.close();
      }
    };
  }

  /**
   * Follows again the PipelineRuns of builds a former leader (or this pod before a restart) left
   * running; their events go to the store only, as no console watches a server.
   */
  static List<Long> reattach(KubeRunService runner) {
    return runner.reattach(io.jxengine.backend.RunListener.NONE).stream().map(KubeRunService.Attached::activityId).toList();
  }


  /** The API server answers and the CRD is installed, or a one-line error saying which. */
  private static void check(KubernetesClient client, KubeSettings settings) {
    try {
      client.resources(PipelineActivity.class).inNamespace(settings.namespace())
          .list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withLimit(1L).build());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        throw new UserException("the cluster has no " + PipelineActivity.CRD_NAME
            + " CRD: install the chart's crds/ (helm install does) before jxe server --kube");
      }
      String status = e.getCode() > 0 ? " (HTTP " + e.getCode() + ")" : "";
      throw new UserException("cannot reach the Kubernetes API server at "
          + client.getMasterUrl() + status + ": " + oneLine(e.getMessage()));
    }
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }

  String url() {
    return server.url();
  }

  @Override
  public void close() {
    server.close();
    engine.close();
    client.close();
  }

}
