package io.jxengine.kube.state;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jxengine.kube.chart.RepoPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/** Helpers for tests on fabric8's CRUD mock server. */
public final class MockClusters {
  private MockClusters() {}

  /** Installs the chart's committed PipelineActivity CRD, as {@code helm install} would. */
  public static void installCrd(KubernetesClient client) throws IOException {
    try (InputStream in = Files.newInputStream(
        RepoPaths.chart().resolve("crds").resolve("pipelineactivities.jx-engine.io-v1.yml"))) {
      CustomResourceDefinition crd =
          client.apiextensions().v1().customResourceDefinitions().load(in).item();
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }
  }
}
