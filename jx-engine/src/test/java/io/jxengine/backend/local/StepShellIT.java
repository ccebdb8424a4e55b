package io.jxengine.backend.local;

import static io.jxengine.backend.local.Plans.plan;
import static io.jxengine.backend.local.Plans.stage;
import static io.jxengine.backend.local.Plans.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jxengine.activity.Status;
import io.jxengine.backend.Backend.CancelSignal;
import io.jxengine.compile.Plan;
import io.jxengine.compile.PlanStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain steps on step shells (see {@link StepShells}): shared per environment, values only as
 * data, the output split per step, and a fresh shell after anything ended one.
 */
class StepShellIT {
  @TempDir Path tmp;
  final RecordingListener listener = new RecordingListener();

  Path workspace() throws IOException {
    return Files.createDirectories(tmp.resolve("ws"));
  }

  Status run(Plan plan) throws IOException {
    return new LocalBackend(tmp.resolve("scripts"), Duration.ofMillis(500))
        .run(plan, workspace(), Map.of(), listener, new CancelSignal());
  }

  /** A step as the compiler makes it: the job variables name its stage and itself. */
  static PlanStep named(String stage, String name, String script, Map<String, String> env) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("JX_STAGE", stage);
    all.put("JX_STEP", name);
    return new PlanStep(name, script, null, null, all, null, 0);
  }

  long pid(String step) {
    return listener.processes.stream().filter(p -> p.step().equals(step)).findFirst()
        .orElseThrow().pid();
  }

  @Test
  void stepsWithTheSameEnvironmentShareOneShellAndSeeTheirOwnNames() throws IOException {
    String show = "echo \"$JX_STAGE/$JX_STEP\"";
    Status result = run(plan(stage("a").steps(
        named("a", "one", show, Map.of("A", "1")),
        named("a", "two", show, Map.of("A", "1")),
        named("a", "three", show, Map.of("A", "1"))).build()));

    assertThat(result).isEqualTo(Status.Succeeded);
    assertThat(listener.log("a", "one")).containsExactly("a/one");
    assertThat(listener.log("a", "two")).containsExactly("a/two");
    assertThat(listener.log("a", "three")).containsExactly("a/three");
    assertThat(pid("two")).isEqualTo(pid("one"));
    assertThat(pid("three")).isEqualTo(pid("one"));
  }

  @Test
  void aStepWithAnotherEnvironmentGetsAnotherShellAndTheFirstIsPooled() throws IOException {
    String show = "echo \"A=$A B=${B-unset}\"";
    Status result = run(plan(stage("a").steps(
        named("a", "one", show, Map.of("A", "1")),
        named("a", "two", show, Map.of("A", "2", "B", "b")),
        named("a", "three", show, Map.of("A", "1"))).build()));

    assertThat(result).isEqualTo(Status.Succeeded);
    assertThat(listener.log("a", "one")).containsExactly("A=1 B=unset");
    assertThat(listener.log("a", "two")).containsExactly("A=2 B=b");
    assertThat(listener.log("a", "three")).containsExactly("A=1 B=unset");
    assertThat(pid("two")).isNotEqualTo(pid("one"));
    assertThat(pid("three")).isEqualTo(pid("one"));
  }

  @Test
  void hostileValuesReachTheStepOnlyAsData() throws IOException {
    List<String> hostile = List.of("$(touch pwned1)", "`touch pwned2`", "x\"; touch pwned3; \"",
        "'; touch pwned4; '", "-", "=x");
    PlanStep[] steps = new PlanStep[hostile.size()];
    for (int i = 0; i < steps.length; i++) {
      // the per-step variables travel in the request, the others in the shell's environment
      Map<String, String> env = new java.util.HashMap<>(Map.of("V", hostile.get(i)));
      env.put("JX_STAGE", hostile.get(i));
      env.put("JX_STEP", hostile.get(i));
      steps[i] = new PlanStep("s" + i, "printf '%s|%s|%s\\n' \"$V\" \"$JX_STAGE\" \"$JX_STEP\"",
          null, null, env, null, 0);
    }
    Path odd = Files.createDirectories(workspace().resolve("dir $(touch pwned5) x"));

    Status result = run(plan(stage("a").steps(steps)
        .steps(new PlanStep("in-odd-dir", "pwd", null, odd.getFileName().toString(), Map.of(),
            null, 0)).build()));

    assertThat(result).isEqualTo(Status.Succeeded);
    for (int i = 0; i < steps.length; i++) {
      String v = hostile.get(i);
      assertThat(listener.log("a", "s" + i)).containsExactly(v + "|" + v + "|" + v);
    }
    assertThat(listener.log("a", "in-odd-dir")).containsExactly(odd.toRealPath().toString());
    try (Stream<Path> files = Files.walk(tmp)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("pwned"));
    }
  }

  @Test
  void theShellsOwnVariablesAreNotVisibleToSteps() throws IOException {
    Status result = run(plan(stage("a").steps(
        step("first", "true"),
        step("peek", "echo \"[${jxe_n-}][${jxe_d-}][${jxe_a-}][${jxe_b-}][${jxe_k-}][${jxe_m-}]"
            + "[${jxe_r-}][${jxe_rc-}]\"")).build()));

    assertThat(result).isEqualTo(Status.Succeeded);
    assertThat(listener.log("a", "peek")).containsExactly("[][][][][][][][]");
  }

  @Test
  void exitAndSetEStayWithTheirStepAndTheShellGoesOn() throws IOException {
    Status result = run(plan(stage("a").steps(
        step("cd-and-vars", "cd /\nX=1\nset +e\nfalse\necho went-on"),
        step("sees-nothing", "echo \"x=${X-unset} pwd=$(pwd)\"\nfalse\necho not-reached"))
        .always(step("exit", "echo before\nexit 7"), step("after", "echo still"))
        .build()));

    assertThat(result).isEqualTo(Status.Failed);
    assertThat(listener.log("a", "cd-and-vars")).containsExactly("went-on");
    assertThat(listener.log("a", "sees-nothing"))
        .containsExactly("x=unset pwd=" + workspace().toRealPath());
    assertThat(listener.step("a", "sees-nothing").exitCode()).isEqualTo(1);
    assertThat(listener.step("a", "exit").exitCode()).isEqualTo(7);
    assertThat(listener.log("a", "exit")).containsExactly("before");
    assertThat(pid("exit")).isEqualTo(pid("cd-and-vars"));
  }

  @Test
  void aSingleCommandRunsInTheShellItselfAndLeavesItAsItWas() throws IOException {
    String parent = "sh -c 'echo $PPID'"; // an external command: its parent runs the step
    Status result = run(plan(stage("a").steps(
        step("inline", parent),
        step("moves", "echo $$ > shell.pid\ncd /\nexport MOVED=yes"),
        step("where", "pwd"),
        step("sees", "sh -c 'echo \"${MOVED-unset} $PPID\"'")).build()));

    assertThat(result).isEqualTo(Status.Succeeded);
    long shell = pid("inline");
    assertThat(listener.log("a", "inline")).containsExactly(Long.toString(shell));
    assertThat(Files.readString(workspace().resolve("shell.pid")).trim())
        .isEqualTo(Long.toString(shell)); // the subshell step ran on the same shell
    assertThat(listener.log("a", "where")).containsExactly(workspace().toRealPath().toString());
    assertThat(listener.log("a", "sees")).containsExactly("unset " + shell);
    assertThat(pid("sees")).isEqualTo(shell);
  }

  @Test
  void aSingleCommandThatFailsOrIsMissingEndsItsStepNotTheShell() throws IOException {
    Status result = run(plan(stage("a")
        .steps(Plans.retried("missing", "no-such-command-jxe-test arg", 1))
        .always(step("after", "sh -c 'echo $PPID'"), step("fails", "false")).build()));

    assertThat(result).isEqualTo(Status.Failed);
    assertThat(listener.step("a", "missing").exitCode()).isEqualTo(127);
    assertThat(listener.step("a", "missing").attempt()).isEqualTo(2);
    assertThat(listener.log("a", "missing")).hasSize(2).allSatisfy(line ->
        assertThat(line).contains("no-such-command-jxe-test: not found"));
    assertThat(listener.step("a", "fails").exitCode()).isEqualTo(1);
    assertThat(listener.log("a", "after")).containsExactly(Long.toString(pid("missing")));
    assertThat(pid("after")).isEqualTo(pid("missing"));
  }

  @Test
  void linesOfSimpleCommandsRunInTheShellAndStopAtTheFirstFailure() throws IOException {
    Status result = run(plan(stage("a").steps(
        step("lines", "sh -c 'echo $PPID'\n\n# then\nfalse\necho not-reached")).build()));

    assertThat(result).isEqualTo(Status.Failed);
    assertThat(listener.step("a", "lines").exitCode()).isEqualTo(1);
    assertThat(listener.log("a", "lines")).containsExactly(Long.toString(pid("lines")));
  }

  @Test
  void aSingleCommandThatTimesOutEndsItsShell() throws IOException {
    Status result = run(plan(stage("a")
        .steps(Plans.timed("slow", "sleep 30", Duration.ofSeconds(1)))
        .always(step("post", "echo post-ran")).build()));

    assertThat(result).isEqualTo(Status.Failed);
    assertThat(listener.step("a", "slow").status()).isEqualTo(Status.TimedOut);
    assertThat(listener.step("a", "slow").exitCode()).isEqualTo(128 + 15);
    assertThat(pid("post")).isNotEqualTo(pid("slow"));
    assertThat(listener.log("a", "post")).containsExactly("post-ran");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(ProcessGroups.members(pid("slow"))).isEmpty());
  }

  @Test
  void outputIsSplitExactlyAtEachStepsEnd() throws IOException {
    Status result = run(plan(stage("a").steps(
        step("no-newline", "printf 'a\\nno-newline'"),
        step("empty-lines", "printf 'b\\n\\n\\n'"),
        step("silent", "true"),
        step("stderr", "echo err >&2")).build()));

    assertThat(result).isEqualTo(Status.Succeeded);
    assertThat(listener.log("a", "no-newline")).containsExactly("a", "no-newline");
    assertThat(listener.log("a", "empty-lines")).containsExactly("b", "", "");
    assertThat(listener.log("a", "silent")).isEmpty();
    assertThat(listener.log("a", "stderr")).containsExactly("err");
  }

  @Test
  void aTimeoutEndsTheShellAndTheNextStepRunsOnAFreshOne() throws IOException {
    Status result = run(plan(stage("a")
        .steps(step("first", "echo one"),
            Plans.timed("slow", LocalBackendKillIT.TREE, Duration.ofSeconds(1)))
        .always(step("post", "echo post-ran")).build()));

    assertThat(result).isEqualTo(Status.Failed);
    assertThat(listener.step("a", "slow").status()).isEqualTo(Status.TimedOut);
    assertThat(listener.step("a", "slow").exitCode()).isEqualTo(128 + 15);
    assertThat(pid("slow")).isEqualTo(pid("first"));
    assertThat(pid("post")).isNotEqualTo(pid("slow"));
    assertThat(listener.log("a", "post")).containsExactly("post-ran");
    long child = Long.parseLong(Files.readString(workspace().resolve("child.pid")).trim());
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(ProcessHandle.of(pid("slow")).map(ProcessHandle::isAlive)).isNotEqualTo(
          java.util.Optional.of(true));
      assertThat(ProcessGroups.members(pid("slow"))).isEmpty();
      assertThat(ProcessGroups.members(child)).isEmpty();
    });
  }

  @Test
  void leftoversAreEndedWithTheirShellAndTheNextStepGetsAFreshOne() throws IOException {
    Status result = run(plan(stage("a").steps(
        step("daemon", "sleep 300 &\necho $! > child.pid\necho done"),
        step("next", "echo next")).build()));

    assertThat(result).isEqualTo(Status.Succeeded);
    assertThat(listener.log("a", "daemon")).containsExactly("done");
    assertThat(listener.log("a", "next")).containsExactly("next");
    assertThat(pid("next")).isNotEqualTo(pid("daemon"));
    long child = Long.parseLong(Files.readString(workspace().resolve("child.pid")).trim());
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(ProcessGroups.members(pid("daemon"))).doesNotContain(child).isEmpty());
  }

  @Test
  void aStepThatKillsItsShellFailsAndTheNextStepGetsAFreshOne() throws IOException {
    Status result = run(plan(stage("a").steps(Plans.retried("suicide", "kill -KILL $$", 1))
        .always(step("post", "echo post-ran")).build()));

    assertThat(result).isEqualTo(Status.Failed);
    var ended = listener.step("a", "suicide");
    assertThat(ended.status()).isEqualTo(Status.Failed);
    assertThat(ended.exitCode()).isEqualTo(128 + 9);
    assertThat(ended.attempt()).isEqualTo(2);
    assertThat(listener.log("a", "post")).containsExactly("post-ran");
    assertThat(listener.processes).extracting(RecordingListener.Proc::pid).doesNotHaveDuplicates();
  }

  @Test
  void aStepWithAnInterpreterLineRunsAsItsOwnProcess() throws IOException {
    Status result = run(plan(stage("a").steps(
        step("plain", "echo $$"),
        step("own", "#!/bin/sh\necho $$\nexit 4")).build()));

    assertThat(result).isEqualTo(Status.Failed);
    assertThat(listener.step("a", "own").exitCode()).isEqualTo(4);
    assertThat(listener.log("a", "own")).containsExactly(Long.toString(pid("own")));
    assertThat(listener.log("a", "plain")).containsExactly(Long.toString(pid("plain")));
    assertThat(pid("own")).isNotEqualTo(pid("plain"));
  }

  @Test
  void exportsOfEachStepAndAttemptReachTheLaterSteps() throws IOException {
    Status result = run(plan(stage("a").steps(
        Plans.retried("flaky", "echo TRY=$(( ${TRY-0} + 1 )) >> \"$JXE_ENV\"\n"
            + "test -f marker || { touch marker; echo FIRST=yes >> \"$JXE_ENV\"; exit 1; }\n"
            + "echo SECOND=yes >> \"$JXE_ENV\"", 1),
        step("reads", "echo \"$FIRST $SECOND $TRY\""),
        step("again", "echo \"${FIRST-none}\" >> \"$JXE_ENV\"; cat \"$JXE_ENV\"")).build()));

    assertThat(result).isEqualTo(Status.Succeeded);
    assertThat(listener.step("a", "flaky").attempt()).isEqualTo(2);
    assertThat(listener.log("a", "reads")).containsExactly("yes yes 1");
    // the listener hears what a step exported once it succeeded (the engine records some names)
    assertThat(listener.exports.get("a/flaky")).containsEntry("FIRST", "yes")
        .containsEntry("SECOND", "yes").containsEntry("TRY", "1");
    assertThat(listener.exports).doesNotContainKey("a/reads");
    // the file is emptied after each step: a later step never sees an earlier step's lines
    assertThat(listener.log("a", "again")).containsExactly("yes");
  }
}
