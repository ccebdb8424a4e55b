package io.jxengine.backend.kube;

import static io.jxengine.compile.TestPipelines.stage;
import static io.jxengine.compile.TestPipelines.step;
import static org.assertj.core.api.Assertions.assertThat;
import static io.jxengine.backend.kube.KubeHarness.eventually;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.tekton.pipeline.v1.PipelineRun;
import io.jxengine.activity.Status;
import io.jxengine.backend.Backend;
import io.jxengine.engine.RunOutcome;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Pos;
import io.jxengine.model.Post;
import io.jxengine.model.SecretRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster executor's lifecycle against fabric8's mock API server in CRUD mode, with {@link
 * FakeTekton} writing what the Tekton controller would: the activity, its stages and steps, and
 * the step logs (served by mock expectations on the pod log path) follow.
 */
@EnableKubernetesMockClient(crud = true)
class KubeRunServiceIT {
  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path dir;
  KubeHarness h;
  FakeTekton tekton;

  @BeforeEach
  void setUp() {
    h = new KubeHarness(dir, client);
    tekton = new FakeTekton(server, client);
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  static Pipeline twoStages(Duration timeout) {
    SecretRef token = new SecretRef("TOKEN", "registry", "token", Pos.UNKNOWN);
    return new Pipeline("release", ".jx/pipeline.yaml", "native", null, List.of(), List.of(token),
        null, timeout, null,
        List.of(stage("build", step("compile", "make"), step("test", "make test")),
            stage("deploy", step("push", "make push"))),
        List.of(), Post.NONE, Pos.UNKNOWN);
  }

  @Test
  void aRunFollowsTektonToSuccessWithStepsAndMaskedLogs() throws Exception {
    CompletableFuture<RunOutcome> outcome = h.start(twoStages(null), new Backend.CancelSignal());
    PipelineRun run = tekton.awaitRun();
    assertThat(run.getMetadata().getName()).isEqualTo("acme-widget-main-1");
    assertThat(run.getMetadata().getAnnotations()).containsEntry(KubeRunService.ACTIVITY_ID, "1");

    tekton.succeed(run, "jx-clone");
    tekton.log(run, "build", "compile", "compiling\nthe token is " + KubeHarness.SECRET + "\n");
    tekton.log(run, "build", "test", "42 tests passed\n");
    tekton.startTask(run, "build");
    tekton.stepRunning(run, "build", 0);
    eventually().untilAsserted(() -> assertThat(h.status("compile")).isEqualTo(Status.Running));
    assertThat(h.status("build")).isEqualTo(Status.Running);
    assertThat(h.status("test")).isEqualTo(Status.Pending);

    tekton.stepEnded(run, "build", 0, 0, null);
    tekton.stepRunning(run, "build", 1);
    tekton.stepEnded(run, "build", 1, 0, null);
    tekton.taskEnded(run, "build", "True", "Succeeded");
    eventually().untilAsserted(() -> assertThat(h.status("build")).isEqualTo(Status.Succeeded));
    tekton.log(run, "deploy", "push", "pushed\n");
    tekton.succeed(run, "deploy");
    tekton.runEnded(run, "True", "Succeeded");

    RunOutcome done = outcome.get(60, TimeUnit.SECONDS);
    assertThat(done.status()).isEqualTo(Status.Succeeded);
    assertThat(h.activity().status()).isEqualTo(Status.Succeeded);
    assertThat(h.activity().steps()).extracting(s -> s.name() + "=" + s.status())
        .containsExactly("build=Succeeded", "compile=Succeeded", "test=Succeeded",
            "deploy=Succeeded", "push=Succeeded");
    assertThat(h.record("compile").exitCode()).isZero();
    assertThat(h.log("compile")).containsExactly("compiling", "the token is ***");
    assertThat(h.log("test")).containsExactly("42 tests passed");
    assertThat(h.log("push")).containsExactly("pushed");
  }

  @Test
  void aFailingStepFailsItsStageAndTheRun() throws Exception {
    CompletableFuture<RunOutcome> outcome = h.start(twoStages(null), new Backend.CancelSignal());
    PipelineRun run = tekton.awaitRun();
    tekton.succeed(run, "jx-clone");
    tekton.log(run, "build", "compile", "error: missing semicolon\n");
    tekton.startTask(run, "build");
    tekton.stepRunning(run, "build", 0);
    tekton.stepEnded(run, "build", 0, 2, null);
    tekton.stepEnded(run, "build", 1, 1, "Skipped");
    tekton.taskEnded(run, "build", "False", "Failed");
    tekton.runEnded(run, "False", "Failed", "deploy");

    RunOutcome done = outcome.get(60, TimeUnit.SECONDS);
    assertThat(done.status()).isEqualTo(Status.Failed);
    assertThat(h.record("compile").exitCode()).isEqualTo(2);
    assertThat(h.activity().steps()).extracting(s -> s.name() + "=" + s.status())
        .containsExactly("build=Failed", "compile=Failed", "test=NotExecuted",
            "deploy=NotExecuted", "push=Pending");
    assertThat(h.activity().message()).isEqualTo("build/compile: exit code 2");
    assertThat(h.log("compile")).containsExactly("error: missing semicolon");
  }

  @Test
  void cancelWritesSpecStatusAndTheRunIsAbortedOnceTektonSaysCancelled() throws Exception {
    Backend.CancelSignal cancel = new Backend.CancelSignal();
    CompletableFuture<RunOutcome> outcome = h.start(twoStages(null), cancel);
    PipelineRun run = tekton.awaitRun();
    tekton.succeed(run, "jx-clone");
    tekton.startTask(run, "build");
    tekton.stepRunning(run, "build", 0);
    eventually().untilAsserted(() -> assertThat(h.status("compile")).isEqualTo(Status.Running));

    cancel.cancel("stopped by a user");
    eventually().untilAsserted(() -> assertThat(tekton.get(run.getMetadata().getName()).getSpec().getStatus())
        .isEqualTo("Cancelled"));
    assertThat(outcome).isNotDone();
    tekton.stepEnded(run, "build", 0, 1, "TaskRunCancelled");
    tekton.stepEnded(run, "build", 1, 1, "TaskRunCancelled");
    tekton.taskEnded(run, "build", "False", "TaskRunCancelled");
    tekton.runEnded(run, "False", "Cancelled", "deploy");

    RunOutcome done = outcome.get(60, TimeUnit.SECONDS);
    assertThat(done.status()).isEqualTo(Status.Aborted);
    assertThat(h.activity().message()).isEqualTo("stopped by a user");
    assertThat(h.status("compile")).isEqualTo(Status.Aborted);
    assertThat(h.status("build")).isEqualTo(Status.Aborted);
    assertThat(h.status("deploy")).isEqualTo(Status.NotExecuted);
  }

  @Test
  void theEngineEnforcesThePipelineTimeout() throws Exception {
    CompletableFuture<RunOutcome> outcome =
        h.start(twoStages(Duration.ofSeconds(1)), new Backend.CancelSignal());
    PipelineRun run = tekton.awaitRun();
    tekton.startTask(run, "jx-clone");
    // no Tekton controller enforces timeouts here: the engine's own limit cancels the run
    eventually().untilAsserted(() -> assertThat(tekton.get(run.getMetadata().getName()).getSpec().getStatus())
        .isEqualTo("Cancelled"));
    tekton.taskEnded(run, "jx-clone", "False", "TaskRunCancelled");
    tekton.runEnded(run, "False", "Cancelled", "build", "deploy");

    RunOutcome done = outcome.get(60, TimeUnit.SECONDS);
    assertThat(done.status()).isEqualTo(Status.TimedOut);
    assertThat(h.activity().message()).isEqualTo("pipeline timed out after 1s");
    assertThat(h.status("build")).isEqualTo(Status.NotExecuted);
  }

  @Test
  void aRestartedEngineReattachesToTheRunWithoutSubmittingItAgain() throws Exception {
    CompletableFuture<RunOutcome> first = h.start(twoStages(null), new Backend.CancelSignal());
    PipelineRun run = tekton.awaitRun();
    tekton.succeed(run, "jx-clone");
    tekton.log(run, "build", "compile", "compiling\n");
    tekton.startTask(run, "build");
    tekton.stepRunning(run, "build", 0);
    eventually().untilAsserted(() -> assertThat(h.log("compile")).containsExactly("compiling"));

    h.service.close(); // the engine stops: the run goes on on the cluster
    assertThat(first.get(60, TimeUnit.SECONDS).status()).isEqualTo(Status.Running);
    assertThat(h.activity().status()).isEqualTo(Status.Running);
    tekton.stepEnded(run, "build", 0, 0, null);

    try (KubernetesClient again = server.createClient()) {
      KubeHarness restarted = new KubeHarness(h.store, h.logs, again);
      List<KubeRunService.Attached> attached =
          restarted.service.reattach(KubeHarness.RunListenerNone.INSTANCE);
      assertThat(attached).singleElement()
          .satisfies(a -> assertThat(a.activityId()).isEqualTo(h.activity().id()));
      tekton.stepRunning(run, "build", 1);
      tekton.stepEnded(run, "build", 1, 0, null);
      tekton.taskEnded(run, "build", "True", "Succeeded");
      tekton.succeed(run, "deploy");
      tekton.runEnded(run, "True", "Succeeded");

      RunOutcome done = attached.get(0).outcome().get(60, TimeUnit.SECONDS);
      assertThat(done.status()).isEqualTo(Status.Succeeded);
      restarted.service.close();
    }
    assertThat(tekton.runs()).hasSize(1);
    assertThat(h.activity().status()).isEqualTo(Status.Succeeded);
    assertThat(h.activity().steps()).extracting(s -> s.name() + "=" + s.status())
        .containsExactly("build=Succeeded", "compile=Succeeded", "test=Succeeded",
            "deploy=Succeeded", "push=Succeeded");
    assertThat(h.log("compile")).containsExactly("compiling"); // not twice
  }

  @Test
  void submittingTheSameActivityTwiceAttachesToTheFirstPipelineRun() throws Exception {
    CompletableFuture<RunOutcome> first = h.start(twoStages(null), new Backend.CancelSignal());
    PipelineRun run = tekton.awaitRun();
    io.jxengine.activity.Activity activity = h.activity();
    CompletableFuture<RunOutcome> second = CompletableFuture.supplyAsync(() -> h.service.execute(
        activity, new io.jxengine.engine.RunRequest(twoStages(null),
            io.jxengine.compile.TestPipelines.context("main"), null, 0, false),
        null, null, true, KubeHarness.RunListenerNone.INSTANCE, new Backend.CancelSignal()));
    tekton.succeed(run, "jx-clone");
    tekton.succeed(run, "build");
    tekton.succeed(run, "deploy");
    tekton.runEnded(run, "True", "Succeeded");

    assertThat(first.get(60, TimeUnit.SECONDS).status()).isEqualTo(Status.Succeeded);
    assertThat(second.get(60, TimeUnit.SECONDS).status()).isEqualTo(Status.Succeeded);
    assertThat(tekton.runs()).hasSize(1);
    assertThat(h.activity().steps()).extracting(s -> s.name() + "=" + s.status())
        .containsExactly("build=Succeeded", "compile=Succeeded", "test=Succeeded",
            "deploy=Succeeded", "push=Succeeded");
  }

  @Test
  void aTaskRunWithoutItsTaskLabelIsFoundThroughTheChildReferences() throws Exception {
    tekton.taskLabel = false;
    CompletableFuture<RunOutcome> outcome = h.start(twoStages(null), new Backend.CancelSignal());
    PipelineRun run = tekton.awaitRun();
    tekton.succeed(run, "jx-clone");
    tekton.succeed(run, "build");
    tekton.startTask(run, "deploy");
    tekton.stepRunning(run, "deploy", 0);
    tekton.stepEnded(run, "deploy", 0, 4, null);
    tekton.taskEnded(run, "deploy", "False", "Failed");
    tekton.runEnded(run, "False", "Failed");

    assertThat(outcome.get(60, TimeUnit.SECONDS).status()).isEqualTo(Status.Failed);
    assertThat(h.activity().steps()).extracting(s -> s.name() + "=" + s.status())
        .containsExactly("build=Succeeded", "compile=Succeeded", "test=Succeeded",
            "deploy=Failed", "push=Failed");
    assertThat(h.record("push").exitCode()).isEqualTo(4);
  }
}
