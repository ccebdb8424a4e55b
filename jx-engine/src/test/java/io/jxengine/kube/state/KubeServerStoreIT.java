package io.jxengine.kube.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.kube.crd.PipelineActivity;
import io.jxengine.server.runs.RunQueue;
import io.jxengine.store.ServerStoreContract;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster's delivery store and run queue against the {@link ServerStoreContract}, on the
 * CRUD mock server: each replica its own client. Plus the cluster's own guarantees.
 */
@EnableKubernetesMockClient(crud = true)
class KubeServerStoreIT extends ServerStoreContract {
  static final String NS = "jx";
  KubernetesMockServer server;
  KubernetesClient client;

  @BeforeEach
  void open() throws Exception {
    MockClusters.installCrd(client);
    KubeActivityStore store = new KubeActivityStore(client, NS, "replica-1");
    activities = store;
    queue = new KubeRunQueue(client, NS, store);
    deliveries = new KubeDeliveryStore(client, NS);
  }

  @Override
  protected Other openOther() {
    KubernetesClient other = server.createClient();
    RunQueue otherQueue =
        new KubeRunQueue(other, NS, new KubeActivityStore(other, NS, "replica-2"));
    return new Other() {
      @Override
      public RunQueue queue() {
        return otherQueue;
      }

      @Override
      public void close() {
        other.close();
      }
    };
  }

  @Test
  void theApiServerRefusesAWriteBasedOnAStaleRead() {
    deliveries.store(delivery("d-1"));
    var configMaps = client.configMaps().inNamespace(NS);
    ConfigMap counter = configMaps.withName(KubeDeliveryStore.DELIVERY_IDS).get();
    deliveries.store(delivery("d-2"));

    counter.getData().put(ClusterCounters.LAST, "1");
    assertThatThrownBy(() -> configMaps.resource(counter).update())
        .isInstanceOfSatisfying(KubernetesClientException.class,
            e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void aDuplicateDeliveryIsOneObjectAndTheLoserOfAQueueRaceLeavesNoActivity() throws Exception {
    deliveries.store(delivery("d-1"));
    deliveries.store(delivery("d-1"));
    assertThat(client.configMaps().inNamespace(NS)
        .withLabels(Map.of(Labels.KIND, Labels.KIND_DELIVERY)).list().getItems()).hasSize(1);

    try (Other other = openOther()) {
      long id = queue.enqueue(run("k-1", null)).activityId();
      assertThat(other.queue().enqueue(run("k-1", null))).isEqualTo(
          new RunQueue.Enqueued(id, false));
    }
    assertThat(client.resources(PipelineActivity.class).inNamespace(NS).list().getItems())
        .hasSize(1);
    assertThat(activities.list(ActivityFilter.all())).hasSize(1);
  }
}
