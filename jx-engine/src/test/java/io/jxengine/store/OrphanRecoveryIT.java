package io.jxengine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jxengine.activity.Activity;
import io.jxengine.activity.NewActivity;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import io.jxengine.activity.StepRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash recovery with real processes standing in for engines and steps. */
class OrphanRecoveryIT {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");
  private static final LocalProcesses PROCESSES = new LocalProcesses();

  @TempDir Path dir;
  private SqliteActivityStore store;
  private final List<Process> spawned = new ArrayList<>();

  @BeforeEach
  void open() {
    store =
        SqliteActivityStore.open(dir.resolve("activities.db"), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void cleanUp() {
    store.close();
    spawned.forEach(p -> {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    });
  }

  @Test
  void aKilledRunnerLeavesItsActivityAndUnfinishedStepsInError() throws Exception {
    Process runner = spawn("sleep", "600");
    Activity a = store.create(runnerOf(runner));
    store.updateActivity(a.id(), Status.Running, T0, null, null);
    StepRecord build = store.addStep(a.id(), null, StepKind.Stage, "build", 0);
    StepRecord compile = store.addStep(a.id(), build.id(), StepKind.Step, "compile", 0);
    StepRecord test = store.addStep(a.id(), build.id(), StepKind.Step, "test", 1);
    StepRecord deploy = store.addStep(a.id(), null, StepKind.Stage, "deploy", 1);
    store.updateStep(build.id(), Status.Running, T0, null, null, 1, null);
    store.updateStep(compile.id(), Status.Succeeded, T0, T0.plusSeconds(1), 0, 1, "");
    store.updateStep(test.id(), Status.Running, T0.plusSeconds(1), null, null, 1, null);

    killNine(runner);
    List<Activity> recovered = store.recoverOrphans();

    assertThat(recovered).extracting(Activity::id).containsExactly(a.id());
    Activity after = store.get(a.id()).orElseThrow();
    assertThat(recovered.get(0)).isEqualTo(after);
    assertThat(after.status()).isEqualTo(Status.Error);
    assertThat(after.started()).isEqualTo(T0);
    assertThat(after.completed()).isEqualTo(NOW);
    assertThat(after.message()).contains(Long.toString(runner.pid()));
    Map<String, StepRecord> steps = byName(after.steps());
    assertThat(steps.get("build").status()).isEqualTo(Status.Error);
    assertThat(steps.get("build").completed()).isEqualTo(NOW);
    assertThat(steps.get("compile").status()).isEqualTo(Status.Succeeded);
    assertThat(steps.get("compile").completed()).isEqualTo(T0.plusSeconds(1));
    assertThat(steps.get("test").status()).isEqualTo(Status.Error);
    assertThat(steps.get("deploy").status()).isEqualTo(Status.NotExecuted);
    assertThat(steps.get("deploy").completed()).isNull();
    assertThat(deploy.status()).isEqualTo(Status.Pending);

    assertThat(store.recoverOrphans()).isEmpty();
  }

  @Test
  void liveRunnersAreLeftAlone() throws Exception {
    Activity thisJvm = store.create(runnerOf(ProcessHandle.current()));
    Process runner = spawn("sleep", "600");
    Activity other = store.create(runnerOf(runner));
    store.updateActivity(other.id(), Status.WaitingForApproval, T0, null, null);
    Activity noRunner = store.create(Activities.of("acme", "api", "main"));

    assertThat(store.recoverOrphans()).isEmpty();

    assertThat(store.get(thisJvm.id()).orElseThrow().status()).isEqualTo(Status.Pending);
    assertThat(store.get(other.id()).orElseThrow().status())
        .isEqualTo(Status.WaitingForApproval);
    assertThat(store.get(noRunner.id()).orElseThrow().status()).isEqualTo(Status.Pending);
  }

  @Test
  void aLiveProcessWithAnotherStartTimeIsAReusedPid() {
    long realStart = startMillis(ProcessHandle.current());
    Activity reused = store.create(Activities.withRunner("acme", "api", "main",
        ProcessHandle.current().pid(), realStart - Duration.ofHours(1).toMillis()));

    assertThat(store.recoverOrphans()).extracting(Activity::id).containsExactly(reused.id());
  }

  @Test
  void finishedActivitiesAreNotTouchedEvenWhenTheirRunnerIsGone() throws Exception {
    Process runner = spawn("sleep", "600");
    Activity done = store.create(runnerOf(runner));
    store.updateActivity(done.id(), Status.Succeeded, T0, T0.plusSeconds(9), "");
    killNine(runner);

    assertThat(store.recoverOrphans()).isEmpty();
    assertThat(store.get(done.id()).orElseThrow().completed()).isEqualTo(T0.plusSeconds(9));
  }

  @Test
  void stepProcessesOfARecoveredActivityAreKilledWithTheirChildren() throws Exception {
    Process runner = spawn("sleep", "600");
    // A step as the engine runs it: leader of its own process group, with children.
    Process step = spawn("setsid", "sh", "-c", "sleep 600 & sleep 600 & wait");
    await().atMost(Duration.ofSeconds(30))
        .until(() -> step.descendants().count() == 2);
    List<Long> stepTree = new ArrayList<>(step.descendants().map(ProcessHandle::pid).toList());
    stepTree.add(step.pid());
    Activity a = store.create(runnerOf(runner));
    StepRecord stage = store.addStep(a.id(), null, StepKind.Stage, "build", 0);
    store.updateStep(stage.id(), Status.Running, T0, null, null, 1, null);
    store.recordStepProcess(stage.id(), step.pid(), startMillis(step.toHandle()));

    killNine(runner);
    store.recoverOrphans();

    await().atMost(Duration.ofSeconds(30))
        .until(() -> stepTree.stream().noneMatch(pid -> PROCESSES.isRunning(pid, 0)));
  }

  @Test
  void aStepShellRecordedByAFinishedStepIsKilledWhileItRunsTheNextOne() throws Exception {
    Process runner = spawn("sleep", "600");
    // A step shell: recorded at once for the first step that used it; the step it runs now
    // has no record of its own yet (the engine writes that one behind).
    Process shell = spawn("setsid", "sh", "-c", "sleep 600 & wait");
    await().atMost(Duration.ofSeconds(30)).until(() -> shell.descendants().count() == 1);
    List<Long> tree = new ArrayList<>(shell.descendants().map(ProcessHandle::pid).toList());
    tree.add(shell.pid());
    Activity a = store.create(runnerOf(runner));
    StepRecord stage = store.addStep(a.id(), null, StepKind.Stage, "build", 0);
    StepRecord first = store.addStep(a.id(), stage.id(), StepKind.Step, "first", 0);
    StepRecord second = store.addStep(a.id(), stage.id(), StepKind.Step, "second", 1);
    store.updateStep(stage.id(), Status.Running, T0, null, null, 1, null);
    store.recordStepProcess(first.id(), shell.pid(), startMillis(shell.toHandle()));
    store.updateStep(first.id(), Status.Succeeded, T0, T0.plusSeconds(1), 0, 1, "");
    store.updateStep(second.id(), Status.Running, T0.plusSeconds(1), null, null, 1, null);

    killNine(runner);
    store.recoverOrphans();

    await().atMost(Duration.ofSeconds(30))
        .until(() -> tree.stream().noneMatch(pid -> PROCESSES.isRunning(pid, 0)));
  }

  @Test
  void aStepProcessWhosePidWasReusedIsNotKilled() throws Exception {
    Process runner = spawn("sleep", "600");
    Process stranger = spawn("sleep", "600");
    Activity a = store.create(runnerOf(runner));
    StepRecord stage = store.addStep(a.id(), null, StepKind.Stage, "build", 0);
    store.updateStep(stage.id(), Status.Running, T0, null, null, 1, null);
    long otherStart = startMillis(stranger.toHandle()) - Duration.ofHours(1).toMillis();
    store.recordStepProcess(stage.id(), stranger.pid(), otherStart);

    killNine(runner);
    assertThat(store.recoverOrphans()).hasSize(1);

    assertThat(stranger.isAlive()).isTrue();
  }

  private Process spawn(String... command) throws IOException {
    Process p = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    spawned.add(p);
    return p;
  }

  /** SIGKILL, as a crash or the OOM killer would end the engine; then let the JVM reap it. */
  private static void killNine(Process p) throws InterruptedException {
    p.destroyForcibly();
    p.waitFor();
  }

  private static NewActivity runnerOf(Process p) {
    return runnerOf(p.toHandle());
  }

  private static NewActivity runnerOf(ProcessHandle h) {
    return Activities.withRunner("acme", "api", "main", h.pid(), startMillis(h));
  }

  private static long startMillis(ProcessHandle h) {
    return h.info().startInstant().orElseThrow().toEpochMilli();
  }

  private static Map<String, StepRecord> byName(List<StepRecord> steps) {
    return steps.stream().collect(Collectors.toMap(StepRecord::name, Function.identity()));
  }
}
