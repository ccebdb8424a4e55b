package io.jxengine.compile.tekton;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.tekton.pipeline.v1.PipelineRun;
import io.fabric8.tekton.pipeline.v1.PipelineTask;
import io.jxengine.diag.Code;
import io.jxengine.engine.RunContext;
import io.jxengine.model.Pipeline;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.catalog.Catalog;
import io.jxengine.diag.Diagnostics;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TektonCompilerTest {
  private static final int ETCD_REQUEST_LIMIT = 1_572_864; // 1.5 MiB
  private final TektonCompiler compiler = new TektonCompiler();

  static RunContext push(String branch) {
    return new RunContext("acme", "web", branch, null, "push", "https://example.com/acme/web.git", "abc123",
        "msg", "dev", null, null, null, null, "", "postsubmit", null);
  }

  static Pipeline load(String yaml) {
    Diagnostics d = new Diagnostics();
    Catalog catalog = Catalog.load(List.of(Path.of("..", "pipelines", "catalog")), d);
    LoadResult r = new PipelineLoader(catalog).loadString(yaml, "pipeline.yaml", "release");
    assertThat(r.diagnostics()).noneMatch(x -> x.isError());
    return r.effective();
  }

  /** {@code n} stages in a chain, each with two steps, env and a secret. */
  static String bigPipeline(int n) {
    StringBuilder sb = new StringBuilder("env:\n  GOFLAGS: -mod=vendor\nsecrets:\n  - env: TOKEN\n    secret: ci\n    key: token\nstages:\n");
    for (int i = 0; i < n; i++) {
      sb.append("  - name: stage-").append(i).append("\n    steps:\n")
          .append("      - name: build\n        run: make build-").append(i).append('\n')
          .append("      - name: test\n        run: make test-").append(i).append('\n');
    }
    return sb.toString();
  }

  @Test
  void fiveHundredStagesStayUnderTheApiServersRequestLimit() {
    CompileResult r = compiler.compile(load(bigPipeline(500)), push("main"), 1, TektonOptions.defaults());
    assertThat(r.ok()).isTrue();
    assertThat(r.run().getSpec().getPipelineSpec().getTasks()).hasSize(501);
    assertThat(KubeYaml.json(r.run()).getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThan(ETCD_REQUEST_LIMIT);
  }

  @Test
  void everyStepHasRequestsAndTheRestrictedSecurityContext() {
    PipelineRun run = compiler.compile(load(bigPipeline(3)), push("main"), 1, TektonOptions.defaults()).run();
    run.getSpec().getPipelineSpec().getTasks().stream()
        .flatMap(t -> t.getTaskSpec().getSteps().stream())
        .forEach(
            s -> {
              assertThat(s.getComputeResources().getRequests()).containsKeys("cpu", "memory");
              assertThat(s.getSecurityContext().getRunAsNonRoot()).isTrue();
              assertThat(s.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
              assertThat(s.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
              assertThat(s.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            });
    assertThat(run.getSpec().getTaskRunTemplate().getServiceAccountName()).isEqualTo("jx-engine-build");
  }

  @Test
  void secretsAreReferencesNeverValues() {
    PipelineRun run = compiler.compile(load(bigPipeline(1)), push("main"), 1, TektonOptions.defaults()).run();
    PipelineTask stage = run.getSpec().getPipelineSpec().getTasks().get(1);
    var token = stage.getTaskSpec().getStepTemplate().getEnv().stream().filter(e -> e.getName().equals("TOKEN")).findFirst().orElseThrow();
    assertThat(token.getValue()).isNull();
    assertThat(token.getValueFrom().getSecretKeyRef().getName()).isEqualTo("ci");
    assertThat(token.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token");
  }

  @Test
  void untrustedRunValuesCannotExpandOtherVariables() {
    RunContext ctx = new RunContext("acme", "web", "main", null, "pull_request", "", "abc", "$(TOKEN)", "",
        5, "steal $(TOKEN)", "main", "", "", "presubmit", null);
    PipelineRun run = compiler.compile(load(bigPipeline(1)), ctx, 1, TektonOptions.defaults()).run();
    assertThat(run.getSpec().getParams())
        .filteredOn(p -> p.getName().equals("JX_PULL_TITLE"))
        .singleElement()
        .satisfies(p -> assertThat(p.getValue().getStringVal()).isEqualTo("steal $$(TOKEN)"));
  }

  @Test
  void privilegedAndHostPathAreRefusedAtTheirLines() {
    Pipeline p = load("""
        stages:
          - name: build
            steps:
              - name: a
                privileged: true
                run: x
              - name: b
                run: y
                volumes:
                  - secret: registry
                    path: /kaniko/.docker
                  - hostPath: /var/run/docker.sock
                    path: /var/run/docker.sock
        """);
    CompileResult r = compiler.compile(p, push("main"), 1, TektonOptions.defaults());
    assertThat(r.ok()).isFalse();
    assertThat(r.diagnostics()).extracting(d -> d.code(), d -> d.pos().line())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Code.PRIVILEGED_REFUSED, 5),
            org.assertj.core.groups.Tuple.tuple(Code.HOST_PATH_REFUSED, 12));
  }

  @Test
  void aStageLeftOutIsReportedAndTheChainIsRewired() {
    Pipeline p = load("""
        stages:
          - name: a
            steps: [{run: a}]
          - name: b
            when: {branch: ["release/*"]}
            steps: [{run: b}]
          - name: c
            steps: [{run: c}]
        """);
    CompileResult r = compiler.compile(p, push("main"), 1, TektonOptions.defaults());
    assertThat(r.skipped()).extracting(SkippedStage::stage).containsExactly("b");
    assertThat(r.diagnostics()).extracting(d -> d.code()).containsExactly(Code.STAGE_SKIPPED);
    List<PipelineTask> tasks = r.run().getSpec().getPipelineSpec().getTasks();
    assertThat(tasks).extracting(PipelineTask::getName).containsExactly(TektonCompiler.CLONE_TASK, "a", "c");
    assertThat(tasks.get(2).getRunAfter()).containsExactly("a");
  }

  @Test
  void aGlobThatMatchesKeepsTheStageWithoutConditions() {
    Pipeline p = load("""
        stages:
          - name: rel
            when: {branch: ["release/*"]}
            steps: [{run: b}]
        """);
    CompileResult r = compiler.compile(p, push("release/1.0"), 1, TektonOptions.defaults());
    assertThat(r.skipped()).isEmpty();
    assertThat(r.run().getSpec().getPipelineSpec().getTasks().get(1).getWhen()).isNull();
  }

  @Test
  void clusterHoldsOnTheClusterAndEnvIsDecidedFromThePipelinesEnv() {
    Pipeline p = load("""
        env:
          DOCKER_REGISTRY: registry.test
        stages:
          - name: preview
            when: {cluster: true, env: [DOCKER_REGISTRY]}
            steps: [{run: p}]
          - name: signed
            when: {env: [SIGNING_KEY]}
            steps: [{run: s}]
          - name: laptop
            when: {cluster: false}
            steps: [{run: l}]
        """);
    CompileResult r = compiler.compile(p, push("main"), 1, TektonOptions.defaults());
    assertThat(r.skipped()).extracting(SkippedStage::stage).containsExactly("signed", "laptop");
    List<PipelineTask> tasks = r.run().getSpec().getPipelineSpec().getTasks();
    assertThat(tasks).extracting(PipelineTask::getName)
        .containsExactly(TektonCompiler.CLONE_TASK, "preview");
    assertThat(tasks.get(1).getWhen()).isNull();
  }

  @Test
  void rootImagesRunAsRootButNeverPrivileged() {
    TektonOptions opts = TektonOptions.defaults();
    var sc = new ContainerDefaults(opts).security(TektonOptions.KANIKO_IMAGE);
    assertThat(sc.getRunAsUser()).isZero();
    assertThat(sc.getPrivileged()).isFalse();
    assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
  }
}
