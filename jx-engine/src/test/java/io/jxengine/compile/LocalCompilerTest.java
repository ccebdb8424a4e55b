package io.jxengine.compile;

import static io.jxengine.compile.TestPipelines.context;
import static io.jxengine.compile.TestPipelines.pipeline;
import static io.jxengine.compile.TestPipelines.stage;
import static io.jxengine.compile.TestPipelines.step;
import static io.jxengine.compile.TestPipelines.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jxengine.model.Pipeline;
import io.jxengine.model.Pos;
import io.jxengine.model.Post;
import io.jxengine.model.SecretRef;
import io.jxengine.model.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalCompilerTest {
  static final Path WS = Path.of("/work/ws");
  final LocalCompiler compiler = new LocalCompiler();

  @Test
  void environmentLayersJobVariablesPipelineStageAndStep() {
    Pipeline p = pipeline(Map.of("LEVEL", "pipeline", "P", "p", "REPO_NAME", "override"),
        List.of(),
        List.of(stage("build", null, null, Map.of("LEVEL", "stage", "S", "s"), List.of(), null,
            null, step("compile", "true", Map.of("LEVEL", "step")), step(null, "true"))),
        List.of(), null);

    Plan plan = compiler.compile(p, context("main"), 7, WS, 4);

    PlanStep compile = plan.stages().get(0).steps().get(0);
    assertThat(compile.env())
        .containsEntry("LEVEL", "step")
        .containsEntry("P", "p")
        .containsEntry("S", "s")
        .containsEntry("REPO_NAME", "override")
        .containsEntry("REPO_OWNER", "acme")
        .containsEntry("BUILD_NUMBER", "7")
        .containsEntry("JX_PIPELINE", "release")
        .containsEntry("JX_STAGE", "build")
        .containsEntry("JX_STEP", "compile")
        .containsEntry("WORKSPACE", "/work/ws");
    PlanStep unnamed = plan.stages().get(0).steps().get(1);
    assertThat(unnamed.name()).isEqualTo("step-2");
    assertThat(unnamed.env()).containsEntry("LEVEL", "stage").containsEntry("JX_STEP", "step-2");
  }

  @Test
  void sequentialStagesDependOnThePreviousOneThatRuns() {
    Pipeline p = pipeline(
        stage("a", step("s", "true")),
        stage("b", null, when(List.of("main"), List.of(), List.of(), List.of()), Map.of(),
            List.of(), null, null, step("s", "true")),
        stage("c", step("s", "true")));

    Plan plan = compiler.compile(p, context("feature/x"), 1, WS, 4);

    assertThat(plan.stages()).extracting(PlanStage::dependsOn)
        .containsExactly(List.of(), List.of("a"), List.of("a"));
    assertThat(plan.stages().get(1).skipReason()).contains("feature/x");
    assertThat(plan.stages().get(2).skipReason()).isNull();
  }

  @Test
  void aDagDependsOnExactlyItsNeeds() {
    Pipeline p = pipeline(
        stage("build", step("s", "true")),
        stage("test", List.of("build"), null, Map.of(), List.of(), null, null, step("s", "true")),
        stage("lint", List.of("build"), null, Map.of(), List.of(), null, null, step("s", "true")),
        stage("pub", List.of("test", "lint"), null, Map.of(), List.of(), null, null,
            step("s", "true")));

    Plan plan = compiler.compile(p, context("main"), 1, WS, 4);

    assertThat(plan.stages()).extracting(PlanStage::dependsOn).containsExactly(
        List.of(), List.of("build"), List.of("build"), List.of("test", "lint"));
  }

  @Test
  void secretsTimeoutsFinallyPostAndConcurrency() {
    SecretRef token = new SecretRef("TOKEN", "git", "token", Pos.UNKNOWN);
    SecretRef pw = new SecretRef("PW", "nexus", "password", Pos.UNKNOWN);
    SecretRef tokenOverride = new SecretRef("TOKEN", "git", "other", Pos.UNKNOWN);
    Post post = new Post(List.of(step("always", "true")), List.of(step("ok", "true")),
        List.of(step(null, "true")), Pos.UNKNOWN);
    Pipeline base = pipeline(Map.of("X", "1"), List.of(token, pw),
        List.of(stage("a", null, null, Map.of(), List.of(tokenOverride),
            Duration.ofMinutes(5), Post.NONE, step("s", "true"))),
        List.of(stage("notify", step("n", "true"))), post);

    Plan plan = compiler.compile(base, context("main"), 1, WS, 0);

    PlanStage a = plan.stages().get(0);
    assertThat(a.secrets()).containsExactly(tokenOverride, pw);
    assertThat(a.timeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(plan.finallyStages()).extracting(PlanStage::name).containsExactly("notify");
    assertThat(plan.finallyStages().get(0).secrets()).containsExactly(token, pw);
    assertThat(plan.post().name()).isEqualTo("post");
    assertThat(plan.post().steps()).isEmpty();
    assertThat(plan.post().postAlways()).extracting(PlanStep::name).containsExactly("always");
    assertThat(plan.post().postFailure()).extracting(PlanStep::name)
        .containsExactly("post-failure-1");
    assertThat(plan.post().postFailure().get(0).env())
        .containsEntry("X", "1").containsEntry("JX_STAGE", "post");
    assertThat(plan.concurrency()).isEqualTo(LocalCompiler.DEFAULT_CONCURRENCY);
    assertThat(compiler.compile(base, context("main"), 1, WS, 2).concurrency()).isEqualTo(2);
    assertThat(compiler.compile(pipeline(stage("a", step("s", "true"))), context("main"), 1, WS,
        4).post()).isNull();
  }

  @Test
  void stepFieldsAreCarriedOver() {
    Step s = new Step("t", "mvn test", "maven:3", "service", List.of(), Duration.ofSeconds(90), 2,
        null, Pos.UNKNOWN);
    PlanStep out = compiler.compile(pipeline(stage("a", s)), context("main"), 1, WS, 4)
        .stages().get(0).steps().get(0);
    assertThat(out).extracting(PlanStep::script, PlanStep::image, PlanStep::dir,
        PlanStep::timeout, PlanStep::retries)
        .containsExactly("mvn test", "maven:3", "service", Duration.ofSeconds(90), 2);
  }

  @Test
  void aStepWithoutRunIsAProgrammingError() {
    Step s = new Step("t", null, null, null, List.of(), null, 0, null, Pos.UNKNOWN);
    assertThatThrownBy(() -> compiler.compile(pipeline(stage("a", s)), context("main"), 1, WS, 4))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clusterConditionsFollowTheCompilersClusterAndTheStageEnv() {
    var w = new io.jxengine.model.When(List.of(), List.of(), List.of(), List.of(), true,
        List.of("DOCKER_REGISTRY"), Pos.UNKNOWN);
    Pipeline p = pipeline(
        stage("build", step("b", "make")),
        stage("preview", null, w, Map.of("DOCKER_REGISTRY", "registry.test"), List.of(), null,
            null, step("p", "deploy")),
        stage("after", step("a", "echo")));
    Plan laptop = new LocalCompiler(false).compile(p, context("main"), 1, WS, 4);
    assertThat(laptop.stages().get(1).skipReason()).contains("no Kubernetes cluster");
    assertThat(laptop.stages().get(2).dependsOn()).containsExactly("build");
    Plan withCluster = new LocalCompiler(true).compile(p, context("main"), 1, WS, 4);
    assertThat(withCluster.stages().get(1).skipReason()).isNull();
  }
}
