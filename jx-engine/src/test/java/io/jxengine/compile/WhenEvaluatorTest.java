package io.jxengine.compile;

import static io.jxengine.compile.TestPipelines.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.engine.RunContext;
import io.jxengine.model.Pos;
import io.jxengine.model.When;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhenEvaluatorTest {
  static RunContext ctx(String branch, String tag, String event, List<String> changed) {
    return new RunContext("o", "r", branch, tag, event, "", "", "", "", null, null, null, null,
        "", "postsubmit", changed);
  }

  @Test
  void noConditionsAlwaysRun() {
    assertThat(WhenEvaluator.skipReason(null, ctx("x", null, "push", null))).isNull();
    assertThat(WhenEvaluator.skipReason(when(List.of(), List.of(), List.of(), List.of()),
        ctx("x", null, "push", null))).isNull();
  }

  @Test
  void branchGlobsMustMatch() {
    var w = when(List.of("main", "release/*"), List.of(), List.of(), List.of());
    assertThat(WhenEvaluator.skipReason(w, ctx("release/2.0", null, "push", null))).isNull();
    assertThat(WhenEvaluator.skipReason(w, ctx("feature/x", null, "push", null)))
        .isEqualTo("branch `feature/x` does not match [main, release/*]");
  }

  @Test
  void aRunWithoutATagNeverMatchesTagConditions() {
    var w = when(List.of(), List.of("v*"), List.of(), List.of());
    assertThat(WhenEvaluator.skipReason(w, ctx("main", "v1.0.0", "tag", null))).isNull();
    assertThat(WhenEvaluator.skipReason(w, ctx("main", null, "push", null))).isNotNull();
    assertThat(WhenEvaluator.skipReason(w, ctx("main", "release-1", "tag", null)))
        .contains("release-1");
  }

  @Test
  void eventsAreComparedExactly() {
    var w = when(List.of(), List.of(), List.of("push", "tag"), List.of());
    assertThat(WhenEvaluator.skipReason(w, ctx("main", null, "push", null))).isNull();
    assertThat(WhenEvaluator.skipReason(w, ctx("main", null, "pull_request", null)))
        .contains("pull_request");
  }

  @Test
  void pathsMatchAnyChangedPathAndHoldWhenChangesAreUnknown() {
    var w = when(List.of(), List.of(), List.of(), List.of("src/**"));
    assertThat(WhenEvaluator.skipReason(w, ctx("main", null, "push", null))).isNull();
    assertThat(WhenEvaluator.skipReason(w, ctx("main", null, "push",
        List.of("README.md", "src/a/B.java")))).isNull();
    assertThat(WhenEvaluator.skipReason(w, ctx("main", null, "push", List.of("README.md"))))
        .isEqualTo("no changed path matches [src/**]");
    assertThat(WhenEvaluator.skipReason(w, ctx("main", null, "push", List.of()))).isNotNull();
  }

  @Test
  void allConditionsMustHold() {
    var w = when(List.of("main"), List.of(), List.of("push"), List.of());
    assertThat(WhenEvaluator.skipReason(w, ctx("main", null, "push", null))).isNull();
    assertThat(WhenEvaluator.skipReason(w, ctx("main", null, "cron", null))).isNotNull();
  }

  @Test
  void clusterIsDecidedByWhetherTheEngineHasOne() {
    var w = new When(List.of(), List.of(), List.of(), List.of(), true, List.of(), Pos.UNKNOWN);
    var run = ctx("main", null, "pull_request", null);
    assertThat(WhenEvaluator.skipReason(w, run, new WhenFacts(true, Map.of()))).isNull();
    assertThat(WhenEvaluator.skipReason(w, run, new WhenFacts(false, Map.of())))
        .contains("no Kubernetes cluster");
    var none = new When(List.of(), List.of(), List.of(), List.of(), false, List.of(), Pos.UNKNOWN);
    assertThat(WhenEvaluator.skipReason(none, run, new WhenFacts(false, Map.of()))).isNull();
    assertThat(WhenEvaluator.skipReason(none, run, new WhenFacts(true, Map.of()))).isNotNull();
  }

  @Test
  void envNeedsEveryVariableSetAndNonEmpty() {
    var w = new When(List.of(), List.of(), List.of(), List.of(), null,
        List.of("DOCKER_REGISTRY", "DOMAIN"), Pos.UNKNOWN);
    var run = ctx("main", null, "pull_request", null);
    assertThat(WhenEvaluator.skipReason(w, run,
        new WhenFacts(false, Map.of("DOCKER_REGISTRY", "r.test", "DOMAIN", "d.test")))).isNull();
    assertThat(WhenEvaluator.skipReason(w, run,
        new WhenFacts(false, Map.of("DOCKER_REGISTRY", "", "DOMAIN", "d.test"))))
        .contains("`DOCKER_REGISTRY` is not set");
    assertThat(WhenEvaluator.skipReason(w, run, new WhenFacts(false, Map.of("DOCKER_REGISTRY", "r"))))
        .contains("`DOMAIN` is not set");
  }

  @Test
  void factsComeFromThePipelineAndTheStageEnvNotTheEngine() {
    var stage = TestPipelines.stage("s", null, null, Map.of("B", "stage"), List.of(), null,
        null, TestPipelines.step("x", "true"));
    var p = TestPipelines.pipeline(Map.of("A", "pipeline", "B", "pipeline"), List.of(),
        List.of(stage), List.of(), null);
    var facts = WhenFacts.of(true, p, stage);
    assertThat(facts.env()).containsEntry("A", "pipeline").containsEntry("B", "stage")
        .doesNotContainKey("PATH");
    assertThat(facts.cluster()).isTrue();
  }
}
