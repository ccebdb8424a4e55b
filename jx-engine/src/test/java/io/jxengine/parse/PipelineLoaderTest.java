package io.jxengine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.catalog.Catalog;
import io.jxengine.diag.Diagnostic;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PipelineLoaderTest {
  private final PipelineLoader loader = new PipelineLoader(Catalog.empty());

  @Test
  void cleanFileGivesSourceAndEffective() {
    LoadResult r = loader.loadString("stages:\n  - name: a\n    steps: [{run: x}]\n", "p.yaml", "ci");
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.hasWarnings()).isFalse();
    assertThat(r.source().name()).isEqualTo("ci");
    assertThat(r.effective().stages()).hasSize(1);
  }

  @Test
  void errorsFromEveryStageAreCollectedAndSorted() {
    LoadResult r =
        loader.loadString(
            "env: {BUILD_ID: x}\nstages:\n  - name: A\n    steps:\n      - uses: nope\n    colour: red\n", "p.yaml", "ci");
    assertThat(r.diagnostics()).extracting(d -> d.code().id()).containsExactly("JX207", "JX205", "JX301", "JX101");
    assertThat(r.diagnostics()).isSortedAccordingTo(Diagnostic.ORDER);
    assertThat(r.effective()).isNull();
    assertThat(r.source()).isNotNull();
    assertThat(r.hasWarnings()).isTrue();
  }

  @Test
  void warningsAloneKeepTheEffectivePipeline() {
    LoadResult r = loader.loadString("stages:\n  - name: a\n    env: {VERSION: '1'}\n    steps: [{run: x}]\n", "p.yaml", "ci");
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.hasWarnings()).isTrue();
    assertThat(r.effective()).isNotNull();
  }

  @Test
  void unreadableFileHasNoModels() {
    LoadResult r = loader.load(Path.of("does-not-exist.yaml"), "does-not-exist.yaml", "ci");
    assertThat(r.source()).isNull();
    assertThat(r.effective()).isNull();
    assertThat(r.diagnostics()).extracting(d -> d.code().id()).containsExactly("JX001");
  }
}
