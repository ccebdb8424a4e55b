package io.jxengine.kube.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestsTest {
  @TempDir Path home;

  @Test
  void parsesTypedAndCustomKindsAndSkipsEmptyDocuments() {
    List<HasMetadata> objects = Manifests.parse("""
        ---
        # Source: web/templates/empty.yaml
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        ---
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: w
        """);

    assertThat(objects).hasSize(2);
    assertThat(objects.get(0)).isInstanceOf(Deployment.class);
    assertThat(objects.get(1)).isInstanceOf(GenericKubernetesResource.class);
  }

  @Test
  void aDocumentWithoutNameIsRefused() {
    assertThatThrownBy(() -> Manifests.parse("apiVersion: v1\nkind: ConfigMap\ndata: {}\n"))
        .isInstanceOf(KubeApplyException.class).hasMessageContaining("document 1");
  }

  @Test
  void aClusterIsConfiguredOnlyByAKubeconfigOrInPod() throws Exception {
    assertThat(KubeClients.configured(Map.of(), home)).isFalse();
    assertThat(KubeClients.configured(Map.of("KUBECONFIG", home.resolve("nope").toString()), home))
        .isFalse();
    assertThat(KubeClients.configured(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"), home))
        .isTrue();
    java.nio.file.Files.createDirectories(home.resolve(".kube"));
    java.nio.file.Files.writeString(home.resolve(".kube/config"), "apiVersion: v1\n");
    assertThat(KubeClients.configured(Map.of(), home)).isTrue();
  }
}
