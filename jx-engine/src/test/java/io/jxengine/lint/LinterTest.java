package io.jxengine.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.diag.Diagnostic;
import io.jxengine.diag.Diagnostics;
import io.jxengine.model.NameRef;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Pos;
import io.jxengine.model.Post;
import io.jxengine.model.Stage;
import io.jxengine.model.Step;
import io.jxengine.parse.PipelineParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinterTest {
  private List<Diagnostic> lint(String yaml) {
    Pipeline p = new PipelineParser().parse(yaml, "p.yaml", "default").pipeline();
    Diagnostics d = new Diagnostics();
    new Linter().lint(p, d);
    return d.sorted();
  }

  private static List<String> codes(List<Diagnostic> d) {
    return d.stream().map(x -> x.code().id()).toList();
  }

  @Test
  void cleanPipelineHasNoFindings() {
    assertThat(lint("stages:\n  - name: a\n    steps: [{run: x}]\n  - name: b\n    needs: [a]\n    steps: [{run: y}]\n")).isEmpty();
  }

  @Test
  void cycleMessageNamesTheWholeCycleOnce() {
    List<Diagnostic> d =
        lint(
            """
            stages:
              - {name: a, needs: [b], steps: [{run: x}]}
              - {name: b, needs: [c], steps: [{run: x}]}
              - {name: c, needs: [a], steps: [{run: x}]}
            """);
    assertThat(codes(d)).containsExactly("JX204");
    assertThat(d.get(0).message()).contains("a → b → c → a");
    assertThat(d.get(0).field()).isEqualTo("stages[2].needs[0]");
  }

  @Test
  void duplicatesPointAtTheSecondAndNameTheFirstLine() {
    List<Diagnostic> d = lint("stages:\n  - name: a\n    steps: [{run: x}, {name: step-1, run: y}]\n  - name: a\n    steps: [{run: x}]\n");
    assertThat(codes(d)).containsExactly("JX202", "JX201");
    assertThat(d.get(1).pos().line()).isEqualTo(4);
    assertThat(d.get(1).message()).contains("line 2");
  }

  @Test
  void postStepsShareTheStagesNamespace() {
    List<Diagnostic> d = lint("stages:\n  - name: a\n    steps: [{name: x, run: x}]\n    post:\n      always: [{name: x, run: y}]\n");
    assertThat(codes(d)).containsExactly("JX202");
    assertThat(d.get(0).field()).isEqualTo("stages[0].post.always[0].name");
  }

  @Test
  void envAndSecretNamesAreChecked() {
    List<Diagnostic> d =
        lint(
            """
            env: {JX_X: "1", ok_name: "2"}
            secrets:
              - {env: 9X, secret: s, key: k}
            stages:
              - name: a
                secrets:
                  - {env: T, secret: s, key: k}
                  - {env: T, secret: s, key: j}
                steps: [{run: x, env: {BUILD_ID: "3"}}]
            """);
    assertThat(codes(d)).containsExactly("JX207", "JX110", "JX209", "JX207");
    assertThat(d.get(0).isError()).isFalse();
  }

  @Test
  void worksOnAModelFromAnotherSourceWithoutPositions() {
    Step step = new Step("Bad Name", "x", null, null, List.of(), null, 0, null, Pos.UNKNOWN);
    Stage stage =
        new Stage("s", List.of(new NameRef("s", Pos.UNKNOWN)), null, List.of(), List.of(), null, null, List.of(step), Post.NONE, null, Pos.UNKNOWN);
    Pipeline p = new Pipeline("p", "Jenkinsfile", "jenkinsfile", null, List.of(), List.of(), null, null, null, List.of(stage), List.of(), null, Pos.UNKNOWN);
    Diagnostics d = new Diagnostics();
    new Linter().lint(p, d);
    assertThat(codes(d.sorted())).containsExactlyInAnyOrder("JX205", "JX204");
  }

  @Test
  void namesHelpers() {
    assertThat(Names.labelProblem("build-1")).isEmpty();
    assertThat(Names.labelProblem("Build")).isPresent();
    assertThat(Names.labelProblem("a".repeat(64))).isPresent();
    assertThat(Names.slug("Build & Test!", "stage")).isEqualTo("build-test");
    assertThat(Names.slug("!!!", "stage")).isEqualTo("stage");
    assertThat(Names.isEngineVariable("JX_STEP")).isTrue();
    assertThat(Names.isEngineVariable("MY_VAR")).isFalse();
    assertThat(Names.isEnvName("_A1")).isTrue();
    assertThat(Names.isEnvName("1A")).isFalse();
  }
}
