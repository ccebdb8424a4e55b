package io.jxengine.backend.local;

import io.jxengine.activity.Status;
import io.jxengine.backend.RunListener;
import io.jxengine.compile.PlanStep;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one step as a host process, with retries. The script is written to a file (never spliced
 * into a command line); without a {@code #!} line it runs as {@code /bin/sh -e <file>}, with one
 * it is made executable and executed. The process is the leader of its own session
 * ({@code setsid}), so timeouts and cancel end its whole tree.
 *
 * <p>Retries apply to a non-zero exit only; a timed-out step is not retried (as in Tekton).
 * Thread-safe: one instance serves every stage of a run.
 */
final class StepRunner {
  /** How long to wait for output after the shell exited before ending what still holds it. */
  private static final long DRAIN_MILLIS = 200;

  private final Path workspace;
  private final Path scriptsDir;
  private final Map<String, String> baseEnv;
  private final RunControl control;
  private final RunListener listener;
  private final ExecutorService outputPool;
  private final Duration grace;
  private final AtomicInteger counter = new AtomicInteger();
  /** Steps with the same script share one file: 200 steps of {@code true} write it once. */
  private final Map<String, Path> scripts = new ConcurrentHashMap<>();
  /** What steps of this run exported through {@code $JXE_ENV} (see {@link StepExports}). */
  private final Map<String, String> exported = new ConcurrentHashMap<>();
  /** Where plain steps run without a launch each; null where that is not supported. */
  private final StepShells shells;

  /**
   * How a step is launched: {@code command} for a process of its own (with its {@code exports}
   * file), or null for a step shell; {@code inline} when it runs in the step shell itself.
   */
  private record Launch(List<String> command, File dir, Path script, Map<String, String> env,
      Path exports, boolean inline) {}

  /** One attempt's outcome and what it exported. */
  private record Attempt(StepOutcome outcome, StepExports exports) {}

  StepRunner(Path workspace, Path scriptsDir, Map<String, String> baseEnv, RunControl control,
      RunListener listener, ExecutorService outputPool, Duration grace) {
    this.workspace = workspace.toAbsolutePath().normalize();
    this.scriptsDir = scriptsDir;
    this.baseEnv = baseEnv;
    this.control = control;
    this.listener = listener;
    this.outputPool = outputPool;
    this.grace = grace;
    this.shells = StepShells.supported()
        ? new StepShells(scriptsDir, this.workspace, outputPool, grace) : null;
  }

  /**
   * Runs {@code step} (all attempts) and reports it to the listener.
   *
   * @param stageDeadline {@link System#nanoTime()} by which the stage must end, or
   *     {@link Long#MAX_VALUE} for none
   */
  StepOutcome run(String stage, PlanStep step, String phase, Map<String, String> secretEnv,
      long stageDeadline, Duration stageTimeout) {
    File dir;
    Path script;
    boolean inline;
    try {
      dir = workingDir(step.dir());
      // Steps in the workspace itself whose commands cannot change their shell run in it.
      inline = shells != null && dir.toPath().equals(workspace)
          && InlineCommand.eligible(step.script());
      script = scriptFor(stage, step, inline);
    } catch (StepSetupException | IOException e) {
      listener.step(stage, step.name(), phase, Status.Running, 1, null, "");
      StepOutcome out = new StepOutcome(step.name(), Status.Failed, null, e.getMessage());
      listener.step(stage, step.name(), phase, out.status(), 1, null, out.message());
      return out;
    }
    Map<String, String> env = new java.util.HashMap<>(baseEnv);
    env.putAll(exported);
    env.putAll(step.env());
    env.putAll(secretEnv);
    Launch launch = shells != null && StepShells.canRun(step.script(), dir.toPath(), script, env)
        ? new Launch(null, dir, script, env, null, inline)
        : perProcess(script, step.script(), dir, env);
    int attempts = 1 + Math.max(0, step.retries());
    StepOutcome out = null;
    StepExports exports = StepExports.NONE;
    int attempt = 0;
    while (attempt < attempts) {
      attempt++;
      String note = attempt == 1 ? ""
          : "retry " + (attempt - 1) + " of " + step.retries() + " after " + out.message();
      listener.step(stage, step.name(), phase, Status.Running, attempt, null, note);
      Attempt a = attempt(stage, step, launch, stageDeadline, stageTimeout);
      out = a.outcome();
      exports = exports.then(a.exports());
      if (out.status() != Status.Failed || out.exitCode() == null || control.stopped() != null) {
        break;
      }
    }
    out = withExports(stage, step.name(), out, exports);
    listener.step(stage, step.name(), phase, out.status(), attempt, out.exitCode(), out.message());
    return out;
  }

  /** Ends the run's idle step shells; called once the run has ended. */
  void close() {
    if (shells != null) {
      shells.closeAll();
    }
  }

  /** A step run as a process of its own: its command and its own {@code $JXE_ENV} file. */
  private Launch perProcess(Path script, String text, File dir, Map<String, String> env) {
    Path exports = scriptsDir.resolve("env-" + counter.incrementAndGet());
    Map<String, String> own = new java.util.HashMap<>(env);
    own.put(StepExports.VARIABLE, exports.toString());
    return new Launch(command(script, text), dir, script, own, exports, false);
  }

  /** Takes in what the step exported (variables only when it succeeded) and its own message. */
  private StepOutcome withExports(String stage, String step, StepOutcome out, StepExports ex) {
    if (out.succeeded() && !ex.variables().isEmpty()) {
      exported.putAll(ex.variables());
      listener.exported(stage, step, ex.variables());
    }
    if (ex.message() == null || ex.message().isBlank()) {
      return out;
    }
    String message = out.succeeded() || out.message().isEmpty() ? ex.message()
        : out.message() + ": " + ex.message();
    return new StepOutcome(out.step(), out.status(), out.exitCode(), message);
  }

  private Attempt attempt(String stage, PlanStep step, Launch launch, long stageDeadline,
      Duration stageTimeout) {
    if (control.stopCause() != null) {
      return new Attempt(stoppedOutcome(step, control.stopCause(), null, stageTimeout),
          StepExports.NONE);
    }
    if (stageDeadline != Long.MAX_VALUE && System.nanoTime() - stageDeadline >= 0) {
      return new Attempt(stoppedOutcome(step, StopCause.STAGE_TIMEOUT, null, stageTimeout),
          StepExports.NONE);
    }
    long started = System.nanoTime();
    long stepDeadline = step.timeout() == null ? Long.MAX_VALUE
        : started + step.timeout().toNanos();
    long deadline = Math.min(stepDeadline, stageDeadline);
    StopCause onDeadline = stepDeadline <= stageDeadline ? StopCause.STEP_TIMEOUT
        : StopCause.STAGE_TIMEOUT;
    if (launch.command() != null) {
      StepOutcome out = processAttempt(stage, step, launch, deadline, onDeadline, stageTimeout);
      return new Attempt(out, StepExports.take(launch.exports()));
    }
    try {
      StepShells.Ended end = shells.attempt(stage, step.name(), launch.env(),
          launch.dir().toPath(), launch.script(), launch.inline(), deadline, onDeadline, control,
          listener);
      return new Attempt(outcome(step, end.cause(), end.exitCode(), stageTimeout), end.exports());
    } catch (IOException e) {
      return new Attempt(new StepOutcome(step.name(), Status.Failed, null,
          "could not start: " + e.getMessage()), StepExports.NONE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Attempt(new StepOutcome(step.name(), Status.Aborted, null,
          "aborted: interrupted"), StepExports.NONE);
    }
  }

  private StepOutcome processAttempt(String stage, PlanStep step, Launch launch, long deadline,
      StopCause onDeadline, Duration stageTimeout) {
    ProcessBuilder pb = new ProcessBuilder(launch.command()).directory(launch.dir())
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().clear();
    pb.environment().putAll(launch.env());
    long startMillis = System.currentTimeMillis();
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new StepOutcome(step.name(), Status.Failed, null, "could not start: " + e.getMessage());
    }
    StepProcess sp = new StepProcess(p, ProcessGroups.available(), control.scheduler(), grace);
    control.register(sp);
    try {
      listener.process(stage, step.name(), p.pid(), startMillis);
      Future<?> pump = outputPool.submit(
          new OutputPump(p.getInputStream(), line -> listener.log(stage, step.name(), line)));
      if (deadline == Long.MAX_VALUE) {
        p.waitFor();
      } else if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        sp.terminate(onDeadline);
        p.waitFor();
      }
      if (sp.cause() == null && ProcessGroups.available() && ProcessGroups.canInspect()) {
        // Background processes the step started but did not wait for end with the step (as
        // in Tekton, where a step's container ends with its processes).
        List<Long> left = ProcessGroups.newerMembers(p.pid());
        if (!left.isEmpty()) {
          sp.endLeftovers(left);
        }
      }
      drain(pump, sp);
      return outcome(step, sp.cause(), p.exitValue(), stageTimeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sp.terminate(StopCause.CANCELLED);
      return new StepOutcome(step.name(), Status.Aborted, null, "aborted: interrupted");
    } catch (RuntimeException e) {
      sp.terminate(StopCause.CANCELLED); // never leave a process behind that nobody waits for
      throw e;
    } finally {
      control.unregister(sp);
    }
  }

  private void drain(Future<?> pump, StepProcess sp) throws InterruptedException {
    try {
      try {
        pump.get(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillOpen) {
        // Something still holds the step's output open: end the group, then read what is left.
        sp.terminate(StopCause.LINGERING);
        pump.get(grace.toMillis() + 1000, TimeUnit.MILLISECONDS);
      }
    } catch (TimeoutException escaped) {
      // A process that left the step's session holds the output: stop waiting for it. Its
      // remaining lines, if any, still reach the listener from the output thread.
    } catch (ExecutionException e) {
      // the pump swallows I/O errors; a listener failure is not the step's failure
    }
  }

  private StepOutcome outcome(PlanStep step, StopCause cause, int exit, Duration stageTimeout) {
    if (cause != null && cause != StopCause.LINGERING) {
      return stoppedOutcome(step, cause, exit, stageTimeout);
    }
    return exit == 0
        ? new StepOutcome(step.name(), Status.Succeeded, 0, "")
        : new StepOutcome(step.name(), Status.Failed, exit, "exit code " + exit);
  }

  private StepOutcome stoppedOutcome(PlanStep step, StopCause cause, Integer exit,
      Duration stageTimeout) {
    return switch (cause) {
      case STEP_TIMEOUT -> new StepOutcome(step.name(), Status.TimedOut, exit,
          "timed out after " + Durations.format(step.timeout()));
      case STAGE_TIMEOUT -> new StepOutcome(step.name(), Status.TimedOut, exit,
          "stage timed out after " + Durations.format(stageTimeout));
      case PIPELINE_TIMEOUT -> new StepOutcome(step.name(), Status.TimedOut, exit,
          control.stopMessage());
      default -> new StepOutcome(step.name(), Status.Aborted, exit, control.stopMessage());
    };
  }

  private File workingDir(String dir) throws StepSetupException, IOException {
    if (dir == null || dir.isEmpty()) {
      return workspace.toFile();
    }
    Path resolved = workspace.resolve(dir).normalize();
    if (!resolved.startsWith(workspace)) {
      throw new StepSetupException("dir `" + dir + "` is outside the workspace");
    }
    if (!Files.isDirectory(resolved)) {
      throw new StepSetupException("dir `" + dir + "` does not exist in the workspace");
    }
    if (!resolved.toRealPath().startsWith(workspace.toRealPath())) {
      throw new StepSetupException("dir `" + dir + "` leads outside the workspace (symbolic link)");
    }
    return resolved.toFile();
  }

  /** The step's script file; {@code inline}: its {@link InlineCommand#inlineText} instead. */
  private Path scriptFor(String stage, PlanStep step, boolean inline) throws IOException {
    String text = inline ? InlineCommand.inlineText(step.script()) : step.script();
    Path known = scripts.get(text);
    if (known != null) {
      return known;
    }
    Path written = writeScript(stage, step, text);
    scripts.putIfAbsent(text, written);
    return written;
  }

  private Path writeScript(String stage, PlanStep step, String text) throws IOException {
    String name = counter.incrementAndGet() + "-" + safe(stage) + "-" + safe(step.name()) + ".sh";
    Path file = scriptsDir.resolve(name);
    Files.writeString(file, text);
    if (step.script().startsWith("#!")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }
    return file;
  }

  private static List<String> command(Path script, String text) {
    List<String> cmd = new ArrayList<>(4);
    if (ProcessGroups.available()) {
      cmd.add(ProcessGroups.SETSID);
    }
    if (!text.startsWith("#!")) {
      cmd.add("/bin/sh");
      cmd.add("-e");
    }
    cmd.add(script.toString());
    return cmd;
  }

  private static String safe(String s) {
    return s == null ? "step" : s.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /** A step that cannot start for a reason in the user's pipeline (reported as Failed). */
  private static final class StepSetupException extends Exception {
    StepSetupException(String message) {
      super(message);
    }
  }
}
