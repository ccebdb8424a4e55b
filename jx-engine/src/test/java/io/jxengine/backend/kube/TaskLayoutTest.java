package io.jxengine.backend.kube;

import static io.jxengine.compile.TestPipelines.stage;
import static io.jxengine.compile.TestPipelines.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.tekton.pipeline.v1.PipelineRun;
import io.jxengine.compile.TestPipelines;
import io.jxengine.compile.pods.PodCompiler;
import io.jxengine.compile.pods.PodsResult;
import io.jxengine.compile.tekton.TektonCompiler;
import io.jxengine.compile.tekton.TektonOptions;
import io.jxengine.engine.RunContext;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Pos;
import io.jxengine.model.Post;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The layout annotations match each task and pod the compilers make to its activity stage. */
class TaskLayoutTest {
  static final RunContext CTX = TestPipelines.context("main");

  /** Stage posts, a finally stage, the pipeline's post, and a stage named like a post task. */
  static Pipeline pipeline() {
    Post stagePost = new Post(List.of(step("notify", "echo")), List.of(), List.of(step("page", "echo")), Pos.UNKNOWN);
    Post post = new Post(List.of(step("report", "echo")), List.of(), List.of(), Pos.UNKNOWN);
    return TestPipelines.pipeline(Map.of(), List.of(),
        List.of(TestPipelines.stage("Build It", null, null, Map.of(), List.of(), null, stagePost,
                step("Compile", "make"), step("test", "make test")),
            stage("post-always", step("odd", "true"))),
        List.of(stage("cleanup", step("rm", "rm -rf x"))), post);
  }

  @Test
  void everyTektonTaskSaysItsStagePhaseAndSteps() {
    PipelineRun run = new TektonCompiler().compile(pipeline(), CTX, 1, TektonOptions.defaults()).run();
    TaskLayout.annotate(run, pipeline(), CTX);

    Map<String, TaskLayout.Task> layout = TaskLayout.read(run);
    assertThat(layout.values()).extracting(t -> t.name() + ":" + t.stage() + ":" + t.phase() + ":" + t.steps())
        .containsExactly(
            "jx-clone:jx-clone:clone:[clone]",
            "build-it:Build It:steps:[Compile, test]",
            "post-always:post-always:steps:[odd]",
            "build-it-post-always:Build It:post:[notify]",
            "build-it-post-failure:Build It:post:[page]",
            "cleanup:cleanup:steps:[rm]",
            layout.keySet().stream().skip(6).findFirst().orElseThrow() + ":post:post:[report]");
    assertThat(layout.get("build-it").stepName("compile")).isEqualTo("Compile");
    assertThat(TaskLayout.stagesWithPost(layout)).containsExactly("Build It", "post");
  }

  @Test
  void podsFollowTheSameOrder() {
    PodsResult pods = new PodCompiler().compile(pipeline(), CTX, 1, TektonOptions.defaults());
    List<TaskLayout.Task> layout = TaskLayout.layout(pipeline(), CTX, false);
    assertThat(layout).hasSameSizeAs(pods.pods());
    for (int i = 0; i < layout.size(); i++) {
      var pod = pods.pods().get(i);
      int containers = pod.getSpec().getInitContainers().size() + pod.getSpec().getContainers().size();
      assertThat(containers).as(pod.getMetadata().getName()).isEqualTo(layout.get(i).steps().size());
    }
  }
}
