package io.jxengine.backend.local;

import static io.jxengine.backend.local.Plans.plan;
import static io.jxengine.backend.local.Plans.stage;
import static io.jxengine.backend.local.Plans.step;
import static io.jxengine.backend.local.Plans.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jxengine.activity.Status;
import io.jxengine.backend.Backend.CancelSignal;
import io.jxengine.compile.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts and cancel end the whole process tree of a step. */
class LocalBackendKillIT {
  /** Starts a background child (recording its pid), then sleeps: a tree of two processes. */
  static final String TREE = "sleep 300 &\necho $! > child.pid\necho started\nsleep 300\n";

  @TempDir Path tmp;
  final RecordingListener listener = new RecordingListener();
  Path workspace() throws IOException {
    return Files.createDirectories(tmp.resolve("ws"));
  }

  Status run(Plan plan, CancelSignal cancel) throws IOException {
    return new LocalBackend(tmp.resolve("scripts"), Duration.ofMillis(500))
        .run(plan, workspace(), Map.of(), listener, cancel);
  }

  @Test
  void stepTimeoutKillsTheWholeTreeAndIsNotRetried() throws IOException {
    var s = new io.jxengine.compile.PlanStep("slow", TREE, null, null, Map.of(),
        Duration.ofSeconds(1), 2);
    Status result = run(plan(stage("a").steps(s, step("next", "true")).build()),
        new CancelSignal());

    assertThat(result).isEqualTo(Status.Failed);
    var ended = listener.step("a", "slow");
    assertThat(ended.status()).isEqualTo(Status.TimedOut);
    assertThat(ended.message()).isEqualTo("timed out after 1s");
    assertThat(ended.attempt()).isEqualTo(1);
    assertThat(listener.step("a", "next").status()).isEqualTo(Status.NotExecuted);
    assertThat(listener.stage("a").status()).isEqualTo(Status.TimedOut);
    assertTreeGone();
  }

  @Test
  void stageTimeoutEndsTheRunningStepAndTheStage() throws IOException {
    Status result = run(plan(stage("a").timeout(Duration.ofSeconds(1))
            .steps(step("slow", TREE)).failure(step("after", "echo post-ran")).build()),
        new CancelSignal());

    assertThat(result).isEqualTo(Status.Failed);
    assertThat(listener.step("a", "slow").status()).isEqualTo(Status.TimedOut);
    assertThat(listener.stage("a").status()).isEqualTo(Status.TimedOut);
    assertThat(listener.stage("a").message()).isEqualTo("stage timed out after 1s");
    assertThat(listener.log("a", "after")).containsExactly("post-ran");
    assertTreeGone();
  }

  @Test
  void pipelineTimeoutEndsEverythingAndRunsNothingMore() throws IOException {
    Plan p = new Plan("p",
        List.of(stage("a").steps(step("slow", TREE)).build(),
            stage("b").needs("a").steps(step("s", "true")).build()),
        List.of(stage("fin").steps(step("f", "true")).build()),
        null, Duration.ofSeconds(1), 4);

    assertThat(run(p, new CancelSignal())).isEqualTo(Status.TimedOut);
    assertThat(listener.step("a", "slow").status()).isEqualTo(Status.TimedOut);
    assertThat(listener.step("a", "slow").message()).isEqualTo("pipeline timed out after 1s");
    assertThat(listener.stage("b").status()).isEqualTo(Status.NotExecuted);
    assertThat(listener.stage("fin").status()).isEqualTo(Status.NotExecuted);
    assertTreeGone();
  }

  @Test
  void cancelAbortsRunningStepsAndStartsNothingNew() throws Exception {
    CancelSignal cancel = new CancelSignal();
    Plan p = new Plan("p",
        List.of(stage("a").steps(step("slow", TREE), step("next", "true"))
                .always(step("post", "true")).build(),
            stage("b").needs("a").steps(step("s", "true")).build()),
        List.of(stage("fin").steps(step("f", "true")).build()),
        null, null, 4);

    CompletableFuture<Status> result = CompletableFuture.supplyAsync(() -> {
      try {
        return run(p, cancel);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    await().atMost(Duration.ofSeconds(20)).until(() -> listener.log("a", "slow").contains("started"));
    cancel.cancel("user pressed ctrl-c");

    assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(Status.Aborted);
    assertThat(listener.step("a", "slow").status()).isEqualTo(Status.Aborted);
    assertThat(listener.step("a", "slow").message()).contains("user pressed ctrl-c");
    assertThat(listener.step("a", "next").status()).isEqualTo(Status.NotExecuted);
    assertThat(listener.step("a", "post")).isNull();
    assertThat(listener.stage("a").status()).isEqualTo(Status.Aborted);
    assertThat(listener.stage("b").status()).isEqualTo(Status.NotExecuted);
    assertThat(listener.stage("fin").status()).isEqualTo(Status.NotExecuted);
    assertTreeGone();
  }

  @Test
  void aTreeThatIgnoresSigtermIsKilledAfterTheGrace() throws IOException {
    // SIG_IGN is inherited: the shell and its background child both ignore SIGTERM.
    Status result = run(plan(stage("a").steps(
        timed("stubborn", "trap '' TERM\n" + TREE, Duration.ofSeconds(1))).build()),
        new CancelSignal());

    assertThat(result).isEqualTo(Status.Failed);
    var ended = listener.step("a", "stubborn");
    assertThat(ended.status()).isEqualTo(Status.TimedOut);
    assertThat(ended.exitCode()).isEqualTo(128 + 9);
    assertTreeGone();
  }

  @Test
  void backgroundProcessesLeftByASucceededStepAreEnded() throws IOException {
    Status result = run(plan(stage("a").steps(
        step("daemon", "sleep 300 &\necho $! > child.pid\n"
            + "sleep 301 >/dev/null 2>&1 &\necho $! > quiet.pid\necho done")).build()),
        new CancelSignal());

    assertThat(result).isEqualTo(Status.Succeeded);
    assertThat(listener.log("a", "daemon")).containsExactly("done");
    assertTreeGone();
    long quiet = Long.parseLong(Files.readString(workspace().resolve("quiet.pid")).trim());
    await().atMost(Duration.ofSeconds(10)).until(() -> !alive(quiet));
  }

  /** Neither the step's shell, nor its background child, nor anything else in its group lives. */
  private void assertTreeGone() throws IOException {
    long leader = listener.processes.get(0).pid();
    long child = Long.parseLong(Files.readString(workspace().resolve("child.pid")).trim());
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(alive(leader)).as("step shell").isFalse();
      assertThat(alive(child)).as("background child").isFalse();
      assertThat(ProcessGroups.members(leader)).as("process group").isEmpty();
    });
  }

  private static boolean alive(long pid) {
    // a zombie is dead for our purpose: /proc/<pid>/stat state Z
    return ProcessHandle.of(pid).map(h -> h.isAlive() && !zombie(pid)).orElse(false);
  }

  private static boolean zombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return true;
    }
  }
}
