package io.jxengine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.catalog.Catalog;
import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostic;
import io.jxengine.diag.Diagnostics;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Steps only a cluster can run are refused locally (JX404), kaniko with its own reason. */
class ClusterOnlyStepsTest {
  private static List<Diagnostic> refusals(String yaml) {
    Diagnostics d = new Diagnostics();
    Catalog catalog = Catalog.load(List.of(Path.of("..", "pipelines", "catalog")), d);
    LoadResult r = new PipelineLoader(catalog).loadString(yaml, "pipeline.yaml", "release");
    assertThat(r.diagnostics()).noneMatch(Diagnostic::isError);
    Diagnostics out = new Diagnostics();
    LocalCompiler.refuseClusterOnly(r.effective(), out);
    return out.sorted();
  }

  @Test
  void kanikoNeedsACluster() {
    List<Diagnostic> d = refusals("""
        stages:
          - name: image
            steps:
              - uses: kaniko
                with: {destination: registry.example.com/a:1}
        """);
    assertThat(d).extracting(Diagnostic::code, x -> x.pos().line()).containsExactly(org.assertj.core.groups.Tuple.tuple(Code.NEEDS_CLUSTER, 4));
    assertThat(d.get(0).message()).contains("buildah");
  }

  @Test
  void privilegedAndVolumesNeedACluster() {
    List<Diagnostic> d = refusals("""
        stages:
          - name: a
            steps:
              - {name: p, run: x, privileged: true}
              - {name: v, run: y, volumes: [{secret: s, path: /s}]}
              - {name: plain, run: z}
        """);
    assertThat(d).extracting(Diagnostic::code).containsExactly(Code.NEEDS_CLUSTER, Code.NEEDS_CLUSTER);
  }
}
