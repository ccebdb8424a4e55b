package io.jxengine.backend.local;

import static io.jxengine.backend.local.Plans.plan;
import static io.jxengine.backend.local.Plans.retried;
import static io.jxengine.backend.local.Plans.stage;
import static io.jxengine.backend.local.Plans.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.activity.Status;
import io.jxengine.backend.Backend.CancelSignal;
import io.jxengine.compile.Plan;
import io.jxengine.compile.PlanStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Order, results, post and finally of the local backend, with real processes. */
class LocalBackendIT {
  @TempDir Path tmp;
  final RecordingListener listener = new RecordingListener();

  Path workspace() throws IOException {
    return Files.createDirectories(tmp.resolve("ws"));
  }

  Status run(Plan plan) throws IOException {
    return new LocalBackend(tmp.resolve("scripts")).run(
        plan, workspace(), Map.of(), listener, new CancelSignal());
  }

  @Test
  void sequentialStagesSucceedAndStreamOutput() throws IOException {
    Status result = run(plan(
        stage("build").steps(step("hello", "echo hello\necho to-stderr >&2")).build(),
        stage("test").needs("build").steps(step("pwd", "pwd")).build()));

    assertThat(result).isEqualTo(Status.Succeeded);
    assertThat(listener.log("build", "hello")).containsExactly("hello", "to-stderr");
    assertThat(listener.log("test", "pwd")).containsExactly(workspace().toRealPath().toString());
    assertThat(listener.stage("build").status()).isEqualTo(Status.Succeeded);
    assertThat(listener.step("test", "pwd").exitCode()).isZero();
    assertThat(listener.processes).hasSize(2);
    assertThat(listener.processes.get(0).pid()).isPositive();
  }

  @Test
  void scriptsRunUnderShMinusEUnlessTheyHaveAShebang() throws IOException {
    Status result = run(plan(
        stage("a").steps(step("shebang", "#!/bin/sh\nfalse\necho after-shebang")).build(),
        stage("b").needs("a").steps(step("plain", "false\necho after-plain")).build()));

    assertThat(result).isEqualTo(Status.Failed);
    assertThat(listener.log("a", "shebang")).containsExactly("after-shebang");
    assertThat(listener.log("b", "plain")).isEmpty();
    assertThat(listener.step("b", "plain").status()).isEqualTo(Status.Failed);
  }

  @Test
  void failingStepStopsItsStageRunsFailurePostAndBlocksDependents() throws IOException {
    PlanStage build = stage("build")
        .steps(step("compile", "exit 3"), step("package", "echo never"))
        .always(step("cleanup", "echo cleanup"))
        .success(step("on-success", "echo yes"))
        .failure(step("on-failure", "echo failed"))
        .build();
    PlanStage deploy = stage("deploy").needs("build").steps(step("go", "true")).build();
    PlanStage fin = stage("notify").steps(step("tell", "echo finally")).build();
    PlanStage post = stage("post")
        .success(step("ok", "echo ok")).failure(step("bad", "echo bad")).build();
    Plan p = new Plan("p", List.of(build, deploy), List.of(fin), post, null, 4);

    assertThat(run(p)).isEqualTo(Status.Failed);

    var compile = listener.step("build", "compile");
    assertThat(compile.status()).isEqualTo(Status.Failed);
    assertThat(compile.exitCode()).isEqualTo(3);
    assertThat(compile.message()).isEqualTo("exit code 3");
    assertThat(listener.step("build", "package").status()).isEqualTo(Status.NotExecuted);
    assertThat(listener.log("build", "cleanup")).containsExactly("cleanup");
    assertThat(listener.log("build", "on-failure")).containsExactly("failed");
    assertThat(listener.step("build", "on-success")).isNull();
    assertThat(listener.stage("build").status()).isEqualTo(Status.Failed);
    assertThat(listener.stage("deploy").status()).isEqualTo(Status.NotExecuted);
    assertThat(listener.stage("deploy").message()).contains("`build`");
    assertThat(listener.log("notify", "tell")).containsExactly("finally");
    assertThat(listener.log("post", "bad")).containsExactly("bad");
    assertThat(listener.step("post", "ok")).isNull();
  }

  @Test
  void failingPostStepFailsTheStage() throws IOException {
    Status result = run(plan(
        stage("a").steps(step("s", "true")).always(step("p", "exit 1")).build()));

    assertThat(result).isEqualTo(Status.Failed);
    assertThat(listener.stage("a").status()).isEqualTo(Status.Failed);
    assertThat(listener.step("a", "p").phase()).isEqualTo("post");
  }

  @Test
  void failingFinallyStageFailsThePipelineAndPostSeesIt() throws IOException {
    PlanStage post = stage("post")
        .success(step("ok", "echo ok")).failure(step("bad", "echo bad")).build();
    Plan p = new Plan("p", List.of(stage("a").steps(step("s", "true")).build()),
        List.of(stage("fin").steps(step("f", "exit 2")).build()), post, null, 4);

    assertThat(run(p)).isEqualTo(Status.Failed);
    assertThat(listener.log("post", "bad")).containsExactly("bad");
  }

  @Test
  void aSucceededPipelineRunsFinallyThenPostAlwaysAndSuccess() throws IOException {
    PlanStage post = stage("post").always(step("always", "echo always"))
        .success(step("ok", "echo ok")).failure(step("bad", "echo bad")).build();
    Plan p = new Plan("p", List.of(stage("a").steps(step("s", "true")).build()),
        List.of(stage("f1").steps(step("s", "echo f1 >> order")).build(),
            stage("f2").steps(step("s", "echo f2 >> order")).build()), post, null, 4);

    assertThat(run(p)).isEqualTo(Status.Succeeded);
    assertThat(Files.readAllLines(workspace().resolve("order"))).containsExactly("f1", "f2");
    assertThat(listener.log("post", "always")).containsExactly("always");
    assertThat(listener.log("post", "ok")).containsExactly("ok");
    assertThat(listener.step("post", "bad")).isNull();
    assertThat(listener.stage("post").status()).isEqualTo(Status.Succeeded);
  }

  @Test
  void aDiamondWaitsForBothBranches() throws IOException {
    String s = "date +%s%N > ME.start; sleep 0.1; date +%s%N > ME.end";
    Status result = run(plan(
        stage("a").needs().steps(step("s", s.replace("ME", "a"))).build(),
        stage("b").needs("a").steps(step("s", s.replace("ME", "b"))).build(),
        stage("c").needs("a").steps(step("s", s.replace("ME", "c"))).build(),
        stage("d").needs("b", "c").steps(step("s", s.replace("ME", "d"))).build()));

    assertThat(result).isEqualTo(Status.Succeeded);
    assertThat(stamp("b.start")).isGreaterThanOrEqualTo(stamp("a.end"));
    assertThat(stamp("c.start")).isGreaterThanOrEqualTo(stamp("a.end"));
    assertThat(stamp("d.start")).isGreaterThanOrEqualTo(Math.max(stamp("b.end"), stamp("c.end")));
  }

  @Test
  void retriesRunAgainUntilTheStepSucceeds() throws IOException {
    String script = "n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count\n"
        + "echo attempt $n\n[ $n -ge 3 ]";
    Status result = run(plan(stage("a").steps(retried("flaky", script, 3)).build()));

    assertThat(result).isEqualTo(Status.Succeeded);
    var events = listener.events("a", "flaky");
    assertThat(events).extracting(RecordingListener.StepEvent::status)
        .containsExactly(Status.Running, Status.Running, Status.Running, Status.Succeeded);
    assertThat(events).extracting(RecordingListener.StepEvent::attempt)
        .containsExactly(1, 2, 3, 3);
    assertThat(listener.log("a", "flaky")).containsExactly("attempt 1", "attempt 2", "attempt 3");
  }

  @Test
  void retriesAreExhaustedThenTheStepFails() throws IOException {
    Status result = run(plan(stage("a").steps(retried("broken", "echo try; exit 4", 1)).build()));

    assertThat(result).isEqualTo(Status.Failed);
    var last = listener.step("a", "broken");
    assertThat(last.status()).isEqualTo(Status.Failed);
    assertThat(last.attempt()).isEqualTo(2);
    assertThat(last.exitCode()).isEqualTo(4);
    assertThat(listener.log("a", "broken")).hasSize(2);
  }

  @Test
  void independentStagesReallyRunInParallel() throws IOException {
    // Each stage waits (bounded) until the other has started: only parallel stages both succeed.
    // The stamp is written to a temporary file first: `> ME.start` alone would create the file
    // (and release the other stage) before the time is in it.
    String wait = "date +%s%N > ME.tmp && mv ME.tmp ME.start\n"
        + "i=0; while [ ! -f OTHER.start ] && [ $i -lt 1200 ]; do sleep 0.1; i=$((i+1)); done\n"
        + "[ -f OTHER.start ]\ndate +%s%N > ME.end\n";
    Status result = run(plan(
        stage("a").needs().steps(step("s", wait.replace("ME", "a").replace("OTHER", "b"))).build(),
        stage("b").needs().steps(step("s", wait.replace("ME", "b").replace("OTHER", "a"))).build()));

    assertThat(result).isEqualTo(Status.Succeeded);
    long aStart = stamp("a.start");
    long bStart = stamp("b.start");
    assertThat(aStart).isLessThan(stamp("b.end"));
    assertThat(bStart).isLessThan(stamp("a.end"));
  }

  @Test
  void concurrencyOneRunsIndependentStagesOneAtATime() throws IOException {
    String s = "date +%s%N > ME.start; sleep 0.2; date +%s%N > ME.end";
    Plan p = new Plan("p", List.of(
        stage("a").needs().steps(step("s", s.replace("ME", "a"))).build(),
        stage("b").needs().steps(step("s", s.replace("ME", "b"))).build(),
        stage("c").needs().steps(step("s", s.replace("ME", "c"))).build()), List.of(), null, null, 1);

    assertThat(run(p)).isEqualTo(Status.Succeeded);
    List<long[]> spans = List.of(span("a"), span("b"), span("c"));
    for (long[] x : spans) {
      for (long[] y : spans) {
        if (x != y) {
          assertThat(x[1] <= y[0] || y[1] <= x[0]).as("stages overlap").isTrue();
        }
      }
    }
  }

  @Test
  void skippedStageIsNotExecutedWithItsReasonAndSoAreItsDependents() throws IOException {
    Status result = run(plan(
        stage("build").needs().steps(step("s", "true")).build(),
        stage("publish").needs("build").skip("branch `feature/x` does not match [main]")
            .steps(step("s", "true")).build(),
        stage("announce").needs("publish").steps(step("s", "true")).build()));

    assertThat(result).isEqualTo(Status.Succeeded);
    assertThat(listener.stage("publish").status()).isEqualTo(Status.NotExecuted);
    assertThat(listener.stage("publish").message())
        .isEqualTo("skipped: branch `feature/x` does not match [main]");
    assertThat(listener.stage("announce").status()).isEqualTo(Status.NotExecuted);
    assertThat(listener.stage("announce").message()).contains("`publish`");
  }

  @Test
  void veryLongLinesAreSplitNotBuffered() throws IOException {
    Status result = run(plan(stage("a").steps(
        step("long", "head -c 200000 /dev/zero | tr '\\0' a; echo; echo end")).build()));

    assertThat(result).isEqualTo(Status.Succeeded);
    List<String> lines = listener.log("a", "long");
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(65536));
    assertThat(lines.stream().mapToInt(String::length).sum()).isEqualTo(200000 + 3);
    assertThat(lines.get(lines.size() - 1)).isEqualTo("end");
  }

  private long stamp(String file) throws IOException {
    return Long.parseLong(Files.readString(workspace().resolve(file)).trim());
  }

  private long[] span(String stage) throws IOException {
    return new long[] {stamp(stage + ".start"), stamp(stage + ".end")};
  }
}
