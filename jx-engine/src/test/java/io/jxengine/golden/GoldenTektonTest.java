package io.jxengine.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.tekton.pipeline.v1.PipelineRun;
import io.jxengine.compile.pods.PodCompiler;
import io.jxengine.compile.tekton.CompileResult;
import io.jxengine.compile.tekton.KubeYaml;
import io.jxengine.compile.tekton.TektonCompiler;
import io.jxengine.compile.tekton.TektonOptions;
import io.jxengine.engine.RunContext;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code golden/tekton/<case>/pipeline.yaml} → {@code expected.yaml} (the PipelineRun, then the
 * skipped stages as a comment) and {@code expected-pods.yaml} (the Pod fallback); a {@code -fails}
 * case → {@code expected.txt} (its diagnostics). The run context is fixed; a case may give the
 * branch it runs on in a file {@code branch}.
 */
class GoldenTektonTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private final PipelineLoader loader = new PipelineLoader(Golden.catalog());

  @TestFactory
  Stream<DynamicTest> tektonCases() {
    return Golden.cases("tekton").stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  /** A push of {@code main} (or the case's branch) of acme/web-app, build 7. */
  static RunContext context(String branch) {
    return new RunContext(
        "acme", "web-app", branch, null, "push", "https://github.com/acme/web-app.git",
        "0123456789abcdef0123456789abcdef01234567", "Fix the $(params.branch) parser", "dev",
        null, null, null, null, "1.2.3", "postsubmit", List.of("src/app.js"));
  }

  private void check(Path dir) throws Exception {
    LoadResult r = loader.load(dir.resolve("pipeline.yaml"), "pipeline.yaml", "release");
    assertThat(r.diagnostics()).as("tekton cases must load clean").noneMatch(d -> d.isError());
    Path branchFile = dir.resolve("branch");
    String branch = Files.exists(branchFile) ? Files.readString(branchFile).trim() : "main";
    RunContext ctx = context(branch);
    CompileResult result = new TektonCompiler().compile(r.effective(), ctx, 7, TektonOptions.defaults());
    if (Golden.mustFail(dir)) {
      assertThat(result.ok()).as("a -fails case must be refused").isFalse();
      Golden.check(dir.resolve("expected.txt"), Golden.format(result.diagnostics()));
      assertThat(new PodCompiler().compile(r.effective(), ctx, 7, TektonOptions.defaults()).ok()).isFalse();
      return;
    }
    assertThat(result.ok()).as("%s", result.diagnostics()).isTrue();
    StringBuilder out = new StringBuilder(KubeYaml.yaml(result.run()));
    result.skipped().forEach(s -> out.append("# skipped ").append(s.stage()).append(": ").append(s.reason()).append('\n'));
    Golden.check(dir.resolve("expected.yaml"), out.toString());
    // the fabric8 model reads its own output back with our Jackson version
    PipelineRun back = YAML.readValue(KubeYaml.yaml(result.run()), PipelineRun.class);
    assertThat(KubeYaml.yaml(back)).isEqualTo(KubeYaml.yaml(result.run()));
    var pods = new PodCompiler().compile(r.effective(), ctx, 7, TektonOptions.defaults());
    assertThat(pods.ok()).isTrue();
    Golden.check(dir.resolve("expected-pods.yaml"), PodCompiler.yaml(pods));
  }
}
