package io.jxengine.kube.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.crd.generator.CRDGenerator;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jxengine.kube.chart.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRD committed in the chart must be exactly what fabric8's crd-generator makes of the Java
 * classes. Run with {@code -Dcrd.update=true} to rewrite the committed file after changing them.
 */
class CrdGenerationTest {
  static final String FILE = PipelineActivity.CRD_NAME + "-v1.yml";

  @TempDir Path out;

  @Test
  void committedCrdIsWhatTheClassesGenerate() throws IOException {
    String generated = generate();
    Path committed = RepoPaths.chart().resolve("crds").resolve(FILE);
    if (Boolean.getBoolean("crd.update")) {
      Files.createDirectories(committed.getParent());
      Files.writeString(committed, generated);
    }
    assertThat(committed)
        .as("regenerate with: mvn -o -pl jx-engine test -Dtest=CrdGenerationTest -Dcrd.update=true")
        .exists();
    assertThat(Files.readString(committed)).isEqualTo(generated);
  }

  @Test
  void crdIsNamespacedV1WithStatusSubresourceAndSchema() throws IOException {
    CustomResourceDefinition crd = Serialization.unmarshal(generate(), CustomResourceDefinition.class);

    assertThat(crd.getMetadata().getName()).isEqualTo("pipelineactivities.jx-engine.io");
    assertThat(crd.getSpec().getGroup()).isEqualTo("jx-engine.io");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo("PipelineActivity");
    assertThat(crd.getSpec().getNames().getPlural()).isEqualTo("pipelineactivities");
    assertThat(crd.getSpec().getVersions()).hasSize(1);
    CustomResourceDefinitionVersion v1 = crd.getSpec().getVersions().get(0);
    assertThat(v1.getName()).isEqualTo("v1");
    assertThat(v1.getServed()).isTrue();
    assertThat(v1.getStorage()).isTrue();
    assertThat(v1.getSubresources().getStatus()).isNotNull();
    assertThat(v1.getAdditionalPrinterColumns())
        .extracting(c -> c.getName() + "=" + c.getJsonPath())
        .contains("Pipeline=.spec.pipeline", "Build=.spec.build", "Status=.status.status");

    JSONSchemaProps root = v1.getSchema().getOpenAPIV3Schema();
    JSONSchemaProps spec = root.getProperties().get("spec");
    assertThat(spec.getProperties())
        .containsKeys("pipeline", "build", "gitOwner", "gitRepository", "gitBranch",
            "lastCommitSHA", "baseSHA", "pullTitle", "author", "activityId");
    JSONSchemaProps status = root.getProperties().get("status");
    assertThat(status.getProperties().get("status").getEnum())
        .extracting(Object::toString)
        .anySatisfy(s -> assertThat(s).contains("WaitingForApproval"));
    JSONSchemaProps stage = status.getProperties().get("steps").getItems().getSchema();
    assertThat(stage.getProperties()).containsKeys("name", "kind", "status", "steps");
    assertThat(stage.getProperties().get("steps").getItems().getSchema().getProperties())
        .containsKeys("name", "status", "exitCode")
        .doesNotContainKey("steps");
  }

  private String generate() throws IOException {
    new CRDGenerator()
        .customResourceClasses(PipelineActivity.class)
        .forCRDVersions("v1")
        .inOutputDir(out.toFile())
        .withParallelGenerationEnabled(false)
        .generate();
    return Files.readString(out.resolve(FILE));
  }
}
