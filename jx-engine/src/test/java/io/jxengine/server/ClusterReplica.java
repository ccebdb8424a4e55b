package io.jxengine.server;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jxengine.backend.local.LocalBackend;
import io.jxengine.catalog.Catalog;
import io.jxengine.engine.JxeHome;
import io.jxengine.engine.RunService;
import io.jxengine.kube.state.KubeActivityStore;
import io.jxengine.kube.state.KubeDeliveryStore;
import io.jxengine.kube.state.KubeLeadership;
import io.jxengine.kube.state.KubeRunQueue;
import io.jxengine.kube.state.LeaderConsumption;
import io.jxengine.logs.FileLogStore;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.secrets.LocalSecretProvider;
import io.jxengine.server.repos.RepositoryStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One engine replica as {@code jxe server --kube} wires it, on its own client to one (mock)
 * cluster: the cluster activity store, delivery store and run queue, a real server on a loopback
 * port with local execution, and leader election on a shared Lease. Each has its own planner,
 * so a test can tell which replica handled a delivery.
 */
final class ClusterReplica implements AutoCloseable {
  static final String NS = "jx";
  static final String LEASE = "jxe-leader";
  static final KubeLeadership.Timing TIMING = new KubeLeadership.Timing(
      Duration.ofMillis(2000), Duration.ofMillis(1500), Duration.ofMillis(250));

  final String name;
  final KubernetesClient client;
  final KubeActivityStore activities;
  final KubeDeliveryStore deliveries;
  final KubeRunQueue queue;
  final FixedPlanner planner;
  final ServerApp app;
  final LeaderConsumption consumption;

  /** {@code elect}: false for a replica that never consumes (stores deliveries only). */
  ClusterReplica(String name, KubernetesClient client, Path dir, RepositoryStore repositories,
      String pipelineYaml, boolean elect) throws IOException {
    this.name = name;
    this.client = client;
    JxeHome home = new JxeHome(dir.resolve(name), List.of()).ensureExists();
    LoadResult loaded =
        new PipelineLoader(Catalog.empty()).loadString(pipelineYaml, ".jx/pipeline.yaml", "ci");
    this.planner = new FixedPlanner(loaded.effective());
    this.activities = new KubeActivityStore(client, NS, name);
    this.deliveries = new KubeDeliveryStore(client, NS);
    this.queue = new KubeRunQueue(client, NS, activities);
    RunService runs = new RunService(activities, new FileLogStore(home.logs()),
        new LocalBackend(home.scripts()), new LocalSecretProvider(List.of(), Map.of()), home);
    this.app = new ServerApp(ServerConfig.loopback(0), new ServerParts(activities, deliveries,
        queue, repositories, planner, ProviderFactory.none(), runs,
        new PipelineLoader(Catalog.empty())));
    if (elect) {
      this.consumption = new LeaderConsumption(app, activities, Duration.ofMillis(250),
          (lead, follow) -> new KubeLeadership(client, NS, LEASE, name, TIMING, lead, follow));
    } else {
      app.deferConsumption();
      this.consumption = null;
    }
    app.start();
    if (consumption != null) {
      consumption.start();
    }
  }

  boolean isLeader() {
    return consumption != null && consumption.leadership().isLeader();
  }

  /** Stops as a deleted pod does: releases the lease, stops its builds, stops serving. */
  @Override
  public void close() {
    if (consumption != null) {
      consumption.close();
    }
    app.stop();
    client.close();
  }
}
