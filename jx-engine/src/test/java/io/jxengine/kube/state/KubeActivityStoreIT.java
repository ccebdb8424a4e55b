package io.jxengine.kube.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import io.jxengine.activity.StepRecord;
import io.jxengine.store.Activities;
import io.jxengine.store.ActivityStoreContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster store against the {@link ActivityStoreContract}, on fabric8's mock API server in
 * CRUD mode with the chart's CRD installed; each store opened is another client (another
 * replica) on the same namespace. Plus what is the cluster store's own: recovery by runner.
 */
@EnableKubernetesMockClient(crud = true)
class KubeActivityStoreIT extends ActivityStoreContract {
  static final String NS = "jx";
  KubernetesMockServer server;
  KubernetesClient client;
  private final AtomicInteger replicas = new AtomicInteger();

  @BeforeEach
  void installCrd() throws Exception {
    MockClusters.installCrd(client);
  }

  @Override
  protected ActivityStore open() {
    return new KubeActivityStore(server.createClient(), NS, "replica-" + replicas.incrementAndGet());
  }

  @Test
  void recoveryEndsTheRunsOfAnotherRunnerAndLeavesQueuedAndOwnOnes() {
    KubeActivityStore dead = new KubeActivityStore(client, NS, "old-pod");
    Activity orphan = dead.create(Activities.withRunner("acme", "api", "main", 1, 1));
    StepRecord stage = dead.addStep(orphan.id(), null, StepKind.Stage, "build", 0);
    StepRecord running = dead.addStep(orphan.id(), stage.id(), StepKind.Step, "compile", 0);
    StepRecord waiting = dead.addStep(orphan.id(), stage.id(), StepKind.Step, "test", 1);
    dead.updateActivity(orphan.id(), Status.Running, T0, null, null);
    dead.updateStep(stage.id(), Status.Running, T0, null, null, 1, null);
    dead.updateStep(running.id(), Status.Running, T0, null, null, 1, null);
    Activity queued = dead.create(Activities.of("acme", "api", "main"));
    KubeActivityStore leader = (KubeActivityStore) store;
    Activity own = leader.create(Activities.withRunner("acme", "web", "main", 1, 1));

    assertThat(leader.recoverOrphans()).extracting(Activity::id).containsExactly(orphan.id());

    Activity ended = leader.get(orphan.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo(Status.Error);
    assertThat(ended.message()).contains("old-pod");
    assertThat(ended.completed()).isNotNull();
    assertThat(ended.steps()).extracting(StepRecord::status)
        .containsExactly(Status.Error, Status.Error, Status.NotExecuted);
    assertThat(leader.get(queued.id()).orElseThrow().status()).isEqualTo(Status.Pending);
    assertThat(leader.get(own.id()).orElseThrow().status()).isEqualTo(Status.Pending);
    assertThat(leader.recoverOrphans()).isEmpty();
  }
}
