package io.jxengine.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.crd.generator.CRDGenerator;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Preview CRD committed in the engine's chart must be exactly what fabric8's crd-generator
 * makes of the classes; {@code -Dcrd.update=true} rewrites it after a change.
 */
class PreviewCrdTest {
  static final String FILE = Preview.CRD_NAME + "-v1.yml";

  @TempDir Path out;

  static Path committed() {
    return repoRoot().resolve("charts/jx-engine/crds").resolve(FILE);
  }

  @Test
  void committedCrdIsWhatTheClassesGenerate() throws IOException {
    String generated = generate();
    if (Boolean.getBoolean("crd.update")) {
      Files.writeString(committed(), generated);
    }
    assertThat(committed())
        .as("regenerate with: mvn -o -pl jx-engine,preview-envs test -Dtest=PreviewCrdTest"
            + " -Dcrd.update=true -Dsurefire.failIfNoSpecifiedTests=false")
        .exists();
    assertThat(Files.readString(committed())).isEqualTo(generated);
  }

  @Test
  void crdRecordsWhatCleanupNeeds() throws IOException {
    CustomResourceDefinition crd =
        Serialization.unmarshal(generate(), CustomResourceDefinition.class);

    assertThat(crd.getMetadata().getName()).isEqualTo("previews.jx-engine.io");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo("Preview");
    JSONSchemaProps spec = crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema()
        .getProperties().get("spec");
    assertThat(spec.getProperties()).containsKeys("owner", "repository", "pullRequest",
        "namespace", "image", "url", "createdAt", "updatedAt", "ttl", "maxPerRepository",
        "destroyCommand", "provider");
  }

  /** The repository root: the nearest ancestor of the working directory holding {@code charts/}. */
  static Path repoRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("charts/jx-engine"))) {
        return p;
      }
    }
    throw new IllegalStateException("no charts/jx-engine above " + Path.of("").toAbsolutePath());
  }

  private String generate() throws IOException {
    new CRDGenerator()
        .customResourceClasses(Preview.class)
        .forCRDVersions("v1")
        .inOutputDir(out.toFile())
        .withParallelGenerationEnabled(false)
        .generate();
    return Files.readString(out.resolve(FILE));
  }
}
