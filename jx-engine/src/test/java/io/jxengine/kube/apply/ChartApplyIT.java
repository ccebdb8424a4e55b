package io.jxengine.kube.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Render → parse → server-side apply → prune → rollout wait, against fabric8's mock API server in
 * CRUD mode through a real client, with charts rendered by the bundled native helm.
 */
@EnableKubernetesMockClient(crud = true)
class ChartApplyIT {
  static final String NS = "preview-1";

  KubernetesMockServer server;
  KubernetesClient client;

  static Path chart(String name) throws URISyntaxException {
    return Path.of(ChartApplyIT.class.getResource("/kube/apply/" + name).toURI());
  }

  List<HasMetadata> render(Map<String, ?> values) throws URISyntaxException {
    String yaml = new ChartRenderer().render(
        new ChartRenderer.Request(chart("web"), "demo", NS, values));
    return Manifests.parse(yaml);
  }

  @Test
  void appliesLabelledObjectsAndPrunesWhatIsNoLongerRendered() throws Exception {
    ResourceApplier applier = new ResourceApplier(client);
    OwnerLabels owner = OwnerLabels.of("preview-acme-web-pr-1");
    // An object of another owner set in the same namespace must survive pruning.
    client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata()
        .withName("other").withLabels(OwnerLabels.of("someone-else").labels()).endMetadata()
        .build()).create();

    ApplyResult first = applier.apply(render(Map.of("image", "web:1")), NS, owner);

    assertThat(first.applied()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactlyInAnyOrder("Deployment/demo-web", "Service/demo-web", "ConfigMap/demo-extra");
    assertThat(first.pruned()).isEmpty();
    Deployment d = client.apps().deployments().inNamespace(NS).withName("demo-web").get();
    assertThat(d.getMetadata().getLabels()).containsAllEntriesOf(owner.labels())
        .containsEntry("app", "demo");
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("web:1");

    ApplyResult second =
        applier.apply(render(Map.of("image", "web:2", "extraConfig", false)), NS, owner);

    assertThat(second.pruned()).extracting(ObjectRef::toString)
        .containsExactly("ConfigMap " + NS + "/demo-extra");
    assertThat(client.configMaps().inNamespace(NS).list().getItems())
        .extracting(c -> c.getMetadata().getName()).containsExactly("other");
    assertThat(client.apps().deployments().inNamespace(NS).withName("demo-web").get()
        .getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("web:2");
    assertThat(client.services().inNamespace(NS).withName("demo-web").get()).isNotNull();

    List<ObjectRef> deleted = applier.deleteAll(NS, owner);
    assertThat(deleted).extracting(ObjectRef::kind).containsExactlyInAnyOrder("Deployment",
        "Service");
    assertThat(client.resources(Service.class).inNamespace(NS).list().getItems()).isEmpty();
    assertThat(client.resources(ConfigMap.class).inNamespace(NS).list().getItems()).hasSize(1);
  }

  @Test
  void aChartThatFailsToRenderCarriesHelmsMessageAndAppliesNothing() throws Exception {
    ChartRenderer.Request request =
        new ChartRenderer.Request(chart("broken"), "demo", NS, Map.of());

    assertThatThrownBy(() -> new ChartRenderer().render(request))
        .isInstanceOf(ChartRenderException.class)
        .hasMessageContaining("values.image is required by this chart");
    assertThatThrownBy(() -> new ChartRenderer().render(
            new ChartRenderer.Request(chart("broken").resolve("missing"), "d", NS, Map.of())))
        .isInstanceOf(ChartRenderException.class)
        .hasMessageContaining("no Chart.yaml");
  }

  @Test
  void rolloutWaitEndsWhenTheDeploymentIsAvailable() throws Exception {
    ApplyResult applied =
        new ResourceApplier(client).apply(render(Map.of()), NS, OwnerLabels.of("x"));
    Deployment d = client.apps().deployments().inNamespace(NS).withName("demo-web").get();
    d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(
            d.getMetadata().getGeneration() == null ? 1L : d.getMetadata().getGeneration())
        .withReplicas(1).withUpdatedReplicas(1).withAvailableReplicas(1).withReadyReplicas(1)
        .build());
    client.apps().deployments().inNamespace(NS).resource(d).updateStatus();

    new RolloutWaiter(client, Duration.ofMillis(20)).await(applied.applied(), Duration.ofSeconds(30));
  }

  @Test
  void rolloutThatNeverBecomesReadyTimesOutWithTheReason() throws Exception {
    ApplyResult applied =
        new ResourceApplier(client).apply(render(Map.of()), NS, OwnerLabels.of("x"));
    Deployment d = client.apps().deployments().inNamespace(NS).withName("demo-web").get();
    d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(
            d.getMetadata().getGeneration() == null ? 1L : d.getMetadata().getGeneration())
        .withReplicas(1).withUpdatedReplicas(1).withAvailableReplicas(0).build());
    client.apps().deployments().inNamespace(NS).resource(d).updateStatus();

    assertThatThrownBy(() -> new RolloutWaiter(client, Duration.ofMillis(20))
            .await(applied.applied(), Duration.ofMillis(200)))
        .isInstanceOfSatisfying(RolloutTimeoutException.class, e ->
            assertThat(e.notReady()).containsExactly(
                "deployment demo-web: 0/1 replicas available, 1 updated"));
  }
}
