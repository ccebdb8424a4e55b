package io.jxengine.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildPacksTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({
    "pom.xml, maven", "build.gradle, gradle", "build.gradle.kts, gradle", "package.json, nodejs",
    "go.mod, go", "pyproject.toml, python", "setup.py, python", "requirements.txt, python",
  })
  void detectsTheKindFromItsMarkerFile(String marker, String kind) throws Exception {
    Files.writeString(tmp.resolve(marker), "");
    assertThat(BuildPacks.detect(tmp)).contains(kind);
  }

  @Test
  void javaBuildsWinOverAFrontEndsPackageJson() throws Exception {
    Files.writeString(tmp.resolve("package.json"), "{}");
    Files.writeString(tmp.resolve("pom.xml"), "<project/>");
    assertThat(BuildPacks.detect(tmp)).contains("maven");
    assertThat(BuildPacks.detect(tmp.resolve("nothing-here"))).isEmpty();
  }

  private BuildPacks packs() throws Exception {
    Path root = tmp.resolve("packs");
    for (String kind : List.of("maven", "go")) {
      Files.createDirectories(root.resolve(kind));
      for (String f : BuildPacks.FILES) {
        Files.writeString(root.resolve(kind).resolve(f), "# " + kind + " " + f + "\n");
      }
    }
    Files.createDirectories(root.resolve("half")); // no pipelines: not a pack
    return new BuildPacks(root);
  }

  @Test
  void writesThePacksPipelinesIntoAProjectWithout() throws Exception {
    BuildPacks packs = packs();
    assertThat(packs.kinds()).containsExactly("go", "maven");
    Path project = Files.createDirectories(tmp.resolve("app"));
    BuildPacks.Applied applied = packs.apply("maven", project);
    assertThat(applied.written()).containsExactly(".jx/pipelines/pullrequest.yaml", ".jx/pipelines/release.yaml");
    assertThat(project.resolve(".jx/pipelines/release.yaml")).hasContent("# maven release.yaml");
  }

  @Test
  void neverOverwritesAProjectsOwnPipeline() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("app/.jx")).getParent();
    Files.writeString(project.resolve(".jx/pipeline.yaml"), "stages: []\n");
    assertThat(packs().apply("go", project).written()).isEmpty();
    assertThat(project.resolve(".jx/pipelines")).doesNotExist();
  }

  @Test
  void unknownPackListsThePacks() throws Exception {
    BuildPacks packs = packs();
    assertThatThrownBy(() -> packs.apply("cobol", tmp)).isInstanceOf(ReleaseException.class)
        .hasMessage("no build pack 'cobol'; the packs are: go, maven");
    assertThatThrownBy(() -> packs.apply("../maven", tmp)).isInstanceOf(ReleaseException.class);
  }

  @Test
  void packsAreFoundBesideTheCatalog() throws Exception {
    packs();
    Files.createDirectories(tmp.resolve("catalog"));
    assertThat(BuildPacks.besideCatalogs(List.of(tmp.resolve("elsewhere/catalog"), tmp.resolve("catalog"))))
        .isPresent();
    assertThat(BuildPacks.besideCatalogs(List.of(tmp.resolve("elsewhere/catalog")))).isEmpty();
  }
}
