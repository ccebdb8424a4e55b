package io.jxengine.backend.local;

import io.jxengine.activity.Status;
import io.jxengine.backend.ApprovalGate;
import io.jxengine.backend.Backend;
import io.jxengine.backend.RunListener;
import io.jxengine.compile.Plan;
import io.jxengine.compile.PlanStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a plan's steps as real processes on this host.
 *
 * <p><b>Processes.</b> Each step's script is written to a file under {@code scriptsDir} (values
 * are never spliced into it) and run with the workspace (or the step's {@code dir}, which must
 * stay inside it) as working directory, in its own session and process group via {@code setsid},
 * so a timeout or cancel ends the whole process tree: SIGTERM to the group, SIGKILL after the
 * grace period (default 2 s). Plain scripts run on a step shell ({@link StepShells}: one
 * {@code setsid /bin/sh} per environment, each step in a subshell of it, no process launch per
 * step); scripts with a {@code #!} line, and every step where {@code setsid} or {@code /proc} is
 * missing, run as a process of their own. Processes a step started in the background and left
 * running when it ended are ended too (SIGTERM, then SIGKILL), as a step container's are in
 * Tekton; this cleanup is best effort (it looks at the pids handed out while the step ran, so it
 * can miss processes after a pid wrap-around), while timeouts and cancel signal the whole group.
 * stdout and stderr are merged and passed to the listener line by line (lines longer than 64 KiB
 * are split). The {@code startMillis} given to {@link RunListener#process} is the wall clock just
 * before the launch of the step's process or shell, within milliseconds of the operating
 * system's start time.
 *
 * <p><b>Cost.</b> A plain step costs one {@code fork} of the step shell and a round trip over
 * its pipes; nothing polls or sleeps on the way ({@code bench/run steps} measures it against
 * plain shell scripts). Steps run as processes of their own cost a launch through
 * {@code setsid}; where exec is slow, {@code -Djdk.lang.Process.launchMechanism=VFORK} saves one
 * exec each.
 *
 * <p><b>Environment.</b> A clean base — only {@code PATH}, {@code HOME}, {@code USER},
 * {@code LANG}, {@code TMPDIR} and {@code JXE_HOME} of the engine's own environment — then the plan step's
 * environment, then the stage's secrets (which win).
 *
 * <p><b>Order and results.</b> Main stages run per {@link StageScheduler}, each stage per
 * {@link StageRunner}; then the finally stages (in order, whatever happened) and then the
 * pipeline's {@code post} stage with {@code success}/{@code failure} per the result so far. The
 * result is Succeeded when no stage failed (stages NotExecuted by {@code when:} are fine), Failed
 * otherwise, TimedOut when the plan's timeout passed, and Aborted on cancel or when an approval
 * gate was rejected (gates wait per {@link ApprovalWait} through the given {@link ApprovalGate}). After a cancel or the
 * pipeline timeout running steps are ended and nothing more runs — not even finally or post.
 *
 * <p>Thread-safe; several runs may share one instance. Worker threads are daemons. When the
 * scripts directory cannot be created, {@code run} returns {@link Status#Error} at once.
 *
 * <p>The listener sees, per stage: Running, then a terminal status with a message (NotExecuted
 * stages only the terminal one); per step: Running for each attempt (from the second on with the
 * reason for the retry), then one terminal status with exit code and message. In a stage that
 * ran, steps that never start are reported NotExecuted with attempt 1 (post steps whose condition
 * did not hold are not reported); the steps of a stage that did not run are not reported.
 */
public final class LocalBackend implements Backend {
  private static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);
  // JXE_HOME: steps that call jxe (the catalog's promote step, an environment's jxe env apply)
  // must see the engine's environments and record into its database, not a default home.
  // Not KUBECONFIG: the engine's cluster credentials reach only the runs that may have them, as
  // the secret jxe-cluster (io.jxengine.gitops.ClusterCredentials).
  private static final List<String> INHERITED =
      List.of("PATH", "HOME", "USER", "LANG", "TMPDIR", "JXE_HOME");

  private final Path scriptsDir;
  private final Duration grace;
  /** Timeouts and kill escalation of every run; shared so backends can be made per run. */
  private static final ScheduledExecutorService SCHEDULER = timer();
  /** Reads steps' output; idle threads end after a minute. */
  private static final ExecutorService OUTPUT =
      Executors.newCachedThreadPool(r -> daemon(r, "jxe-step-output"));

  public LocalBackend(Path scriptsDir) {
    this(scriptsDir, DEFAULT_GRACE);
  }

  /** @param killGrace how long a step tree gets between SIGTERM and SIGKILL */
  public LocalBackend(Path scriptsDir, Duration killGrace) {
    this.scriptsDir = scriptsDir;
    this.grace = killGrace;
  }

  @Override
  public Status run(Plan plan, Path workspace, Map<String, String> secrets, RunListener listener,
      CancelSignal cancel) {
    return run(plan, workspace, secrets, listener, cancel, ApprovalGate.NONE);
  }

  @Override
  public Status run(Plan plan, Path workspace, Map<String, String> secrets, RunListener listener,
      CancelSignal cancel, ApprovalGate approvals) {
    Path runDir;
    try {
      Files.createDirectories(scriptsDir);
      runDir = Files.createTempDirectory(scriptsDir, "run-");
    } catch (IOException e) {
      return Status.Error;
    }
    RunControl control = new RunControl(SCHEDULER);
    cancel.onCancel(() -> control.stop(RunControl.Stop.CANCELLED, "aborted: " + cancel.reason()));
    ScheduledFuture<?> timer = plan.timeout() == null ? null : SCHEDULER.schedule(
        () -> control.stop(RunControl.Stop.TIMED_OUT,
            "pipeline timed out after " + Durations.format(plan.timeout())),
        plan.timeout().toNanos(), TimeUnit.NANOSECONDS);
    StepRunner steps = new StepRunner(
        workspace, runDir, baseEnv(), control, listener, OUTPUT, grace);
    StageRunner stages = new StageRunner(
        steps, new ApprovalWait(approvals, control, listener), control, listener, secrets);
    try {
      List<Status> ended = new ArrayList<>(runMain(plan, stages, listener).values());
      for (PlanStage stage : plan.finallyStages()) {
        ended.add(stages.run(stage, true));
      }
      if (plan.post() != null) {
        ended.add(stages.run(plan.post(), ended.stream().noneMatch(Status::isFailure)));
      }
      RunControl.Stop stop = control.stopped();
      if (stop != null) {
        return stop == RunControl.Stop.CANCELLED ? Status.Aborted : Status.TimedOut;
      }
      if (ended.contains(Status.Aborted)) {
        return Status.Aborted; // an approval gate was rejected
      }
      return ended.stream().noneMatch(Status::isFailure) ? Status.Succeeded : Status.Failed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      control.stop(RunControl.Stop.CANCELLED, "aborted: interrupted");
      return Status.Aborted;
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
      steps.close();
      deleteQuietly(runDir);
    }
  }

  private static Map<String, Status> runMain(Plan plan, StageRunner stages, RunListener listener)
      throws InterruptedException {
    return new StageScheduler(plan.stages(), plan.concurrency(), stages, listener).run();
  }

  private static Map<String, String> baseEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, String> own = System.getenv();
    for (String name : INHERITED) {
      if (own.get(name) != null) {
        env.put(name, own.get(name));
      }
    }
    env.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
    return env;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // leftover scripts are harmless; the next run uses its own directory
    }
  }

  private static ScheduledExecutorService timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, r -> daemon(r, "jxe-local-timer"));
    timer.setRemoveOnCancelPolicy(true); // finished runs' pipeline timers do not pile up
    return timer;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
