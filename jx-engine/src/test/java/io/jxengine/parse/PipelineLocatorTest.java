package io.jxengine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineLocatorTest {
  @TempDir Path repo;

  @Test
  void findsTheDefaultFirstThenTheOthersByName() throws Exception {
    Files.createDirectories(repo.resolve(".jx/pipelines"));
    Files.writeString(repo.resolve(".jx/pipeline.yaml"), "stages: []\n");
    Files.writeString(repo.resolve(".jx/pipelines/release.yaml"), "stages: []\n");
    Files.writeString(repo.resolve(".jx/pipelines/nightly.yml"), "stages: []\n");
    Files.writeString(repo.resolve(".jx/pipelines/notes.txt"), "x\n");
    assertThat(PipelineLocator.find(repo))
        .extracting(PipelineSource::name, PipelineSource::displayPath)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("default", ".jx/pipeline.yaml"),
            org.assertj.core.groups.Tuple.tuple("nightly", ".jx/pipelines/nightly.yml"),
            org.assertj.core.groups.Tuple.tuple("release", ".jx/pipelines/release.yaml"));
  }

  @Test
  void defaultFileNameComesFromItsNameKey() throws Exception {
    Files.createDirectories(repo.resolve(".jx"));
    Files.writeString(repo.resolve(".jx/pipeline.yaml"), "name: main-ci\nstages: []\n");
    assertThat(PipelineLocator.find(repo)).extracting(PipelineSource::name).containsExactly("main-ci");
  }

  @Test
  void brokenDefaultFileKeepsTheDefaultName() throws Exception {
    Files.createDirectories(repo.resolve(".jx"));
    Files.writeString(repo.resolve(".jx/pipeline.yaml"), "name: [\n");
    assertThat(PipelineLocator.find(repo)).extracting(PipelineSource::name).containsExactly("default");
  }

  @Test
  void noJxDirectoryMeansNoPipelines() {
    assertThat(PipelineLocator.find(repo)).isEmpty();
  }
}
