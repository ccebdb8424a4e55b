package io.jxengine.jenkins.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.catalog.Catalog;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.parse.PipelineLocator;
import io.jxengine.parse.PipelineSource;
import io.jxengine.parse.PipelineSourceFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core's seam finds Jenkinsfiles through ServiceLoader, after native files. */
class JenkinsfileFormatTest {
  private static final String JENKINSFILE =
      "pipeline { agent any\n stages { stage('a') { steps { sh 'true' } } } }\n";

  @TempDir Path repo;

  @Test
  void theFormatIsInstalled() {
    assertThat(PipelineSourceFormat.installed()).anyMatch(JenkinsfileFormat.class::isInstance);
    assertThat(PipelineSourceFormat.forFile(Path.of("x/Jenkinsfile"))).isPresent();
    assertThat(PipelineSourceFormat.forFile(Path.of("x/pipeline.yaml"))).isEmpty();
  }

  @Test
  void aRepositoryWithOnlyAJenkinsfileLoadsIt() throws Exception {
    Files.writeString(repo.resolve("Jenkinsfile"), JENKINSFILE);
    List<PipelineSource> found = PipelineLocator.find(repo);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).displayPath()).isEqualTo("Jenkinsfile");
    assertThat(found.get(0).name()).isEqualTo("default");
    LoadResult r = new PipelineLoader(Catalog.empty()).load(found.get(0));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.effective().source()).isEqualTo("jenkinsfile");
    assertThat(r.effective().stages().get(0).steps().get(0).run()).isEqualTo("true");
  }

  @Test
  void aNativePipelineWinsOverAJenkinsfile() throws Exception {
    Files.writeString(repo.resolve("Jenkinsfile"), JENKINSFILE);
    Files.createDirectories(repo.resolve(".jx"));
    Files.writeString(repo.resolve(".jx/pipeline.yaml"), "stages:\n  - name: a\n    steps:\n      - run: 'true'\n");
    List<PipelineSource> found = PipelineLocator.find(repo);
    assertThat(found).extracting(PipelineSource::displayPath).containsExactly(".jx/pipeline.yaml");
    assertThat(found.get(0).format()).isNull();
  }

  @Test
  void conversionErrorsStopTheLoad() throws Exception {
    Files.writeString(repo.resolve("Jenkinsfile"), "pipeline { agent any\n stages { stage('a') { steps { bat 'x' } } } }\n");
    LoadResult r = new PipelineLoader(Catalog.empty()).load(PipelineLocator.find(repo).get(0));
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.effective()).isNull();
  }
}
