package io.jxengine.backend.local;

import io.jxengine.backend.RunListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The step shells of one run (see {@link StepShell}) and how a plain step runs on one. Shells are
 * keyed by their whole environment but {@link StepShell#PER_STEP} (sent with each request): a step
 * gets an idle shell started with exactly its environment, or a new one, so differences between
 * steps (step {@code env}, secrets, what earlier steps exported) never reach the shell as text. Parallel stages use different
 * shells; at most {@value #MAX_IDLE} idle shells are kept, the oldest beyond that is closed.
 *
 * <p>A step that times out or is cancelled ends its shell's whole group (as with a process per
 * step); so does a step that leaves processes running in the background, which are found among
 * the pids handed out while it ran ({@link ProcessGroups#startedMembers}). The next step gets a
 * fresh shell. Thread-safe; {@link #closeAll} once the run has ended.
 */
final class StepShells {
  static final int MAX_IDLE = 4;
  private static final String DRIVER = "step-shell.sh";
  private static final byte[] DRIVER_TEXT = driverText();

  /** How one attempt ended: the cause when the engine ended it (else null), its exit code. */
  record Ended(StopCause cause, int exitCode, StepExports exports) {}

  private final Path runDir;
  private final Path workspace;
  private final ExecutorService outputPool;
  private final Duration grace;
  private final Deque<StepShell> idle = new ArrayDeque<>();
  private Path driver;
  private int started;
  private boolean closed;

  StepShells(Path runDir, Path workspace, ExecutorService outputPool, Duration grace) {
    this.runDir = runDir;
    this.workspace = workspace;
    this.outputPool = outputPool;
    this.grace = grace;
  }

  /** True when plain steps can run on shells here: own sessions and /proc to find leftovers. */
  static boolean supported() {
    return ProcessGroups.available() && ProcessGroups.canInspect();
  }

  /**
   * True when a step can be sent to a shell: no {@code #!} line (it names its own interpreter)
   * and a directory, script path and {@link StepShell#PER_STEP} values of one line each.
   */
  static boolean canRun(String text, Path dir, Path script, Map<String, String> env) {
    if (text.startsWith("#!") || !StepShell.sendable(dir.toString())
        || !StepShell.sendable(script.toString())) {
      return false;
    }
    for (String name : StepShell.PER_STEP) {
      if (!StepShell.sendable(env.get(name))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs one attempt of a step: {@code script} in {@code dir} on a shell with {@code env}; in the
   * shell itself when {@code inline} (see {@link InlineCommand}), else in a subshell of it.
   *
   * @param deadline {@link System#nanoTime()} by which the attempt must end ({@link
   *     Long#MAX_VALUE} for none), ended with {@code onDeadline}
   * @throws IOException when no shell could be started
   */
  Ended attempt(String stage, String step, Map<String, String> env, Path dir, Path script,
      boolean inline, long deadline, StopCause onDeadline, RunControl control, RunListener listener)
      throws IOException, InterruptedException {
    Map<String, String> shellEnv = new HashMap<>(env);
    List<String> perStep = new ArrayList<>(StepShell.PER_STEP.size());
    for (String name : StepShell.PER_STEP) {
      perStep.add(shellEnv.remove(name));
    }
    StepShell shell = take(shellEnv);
    StepProcess sp = new StepProcess(shell.process(), true, control.scheduler(), grace);
    control.register(sp);
    boolean reusable = false;
    try {
      listener.process(stage, step, shell.process().pid(), shell.startMillis());
      long before = ProcessGroups.lastPid();
      CompletableFuture<Integer> exit;
      try {
        exit = shell.send(dir, script, inline, perStep, line -> listener.log(stage, step, line));
      } catch (IOException gone) {
        exit = CompletableFuture.completedFuture(null); // died while idle: ended below
      }
      Integer code = await(exit, deadline, sp, onDeadline);
      if (sp.cause() == null && code != null) {
        List<Long> left = ProcessGroups.startedMembers(
            shell.process().pid(), before, ProcessGroups.lastPid());
        reusable = left.isEmpty();
      }
      if (!reusable) {
        // Background leftovers, a timeout, a cancel or a dead shell: end the whole group.
        sp.terminate(StopCause.LINGERING);
        code = end(shell, exit);
      }
      // Read before the shell goes back to the pool, where another lane may pick it up.
      return new Ended(sp.cause(), code, StepExports.take(shell.exports()));
    } catch (InterruptedException | RuntimeException e) {
      sp.terminate(StopCause.CANCELLED); // never leave a process behind that nobody waits for
      shell.close();
      throw e;
    } finally {
      control.unregister(sp);
      if (reusable) {
        giveBack(shell);
      }
    }
  }

  private Integer await(CompletableFuture<Integer> exit, long deadline, StepProcess sp,
      StopCause onDeadline) throws InterruptedException {
    try {
      if (deadline == Long.MAX_VALUE) {
        return exit.get();
      }
      return exit.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      sp.terminate(onDeadline);
      return null;
    } catch (ExecutionException e) {
      return null; // never completed exceptionally
    }
  }

  /**
   * Waits for a shell being ended (its group was signalled): closes its input, so a shell that
   * survived the SIGTERM leaves its loop, then waits for it and its output. The exit code is
   * the step's when the shell still reported it, else the shell's own.
   */
  private Integer end(StepShell shell, CompletableFuture<Integer> exit)
      throws InterruptedException {
    shell.close();
    int shellExit = shell.process().waitFor();
    shell.awaitOutputEnd(grace.toMillis() + 1000);
    Integer code = exit.getNow(null);
    return code != null ? code : shellExit;
  }

  /** An idle shell with exactly {@code env}, or a new one. */
  private StepShell take(Map<String, String> env) throws IOException {
    Path exports;
    Path drv;
    synchronized (this) {
      for (Iterator<StepShell> it = idle.iterator(); it.hasNext(); ) {
        StepShell s = it.next();
        if (s.env().equals(env)) {
          it.remove();
          if (s.alive()) {
            return s;
          }
          s.close();
        }
      }
      if (driver == null) {
        driver = Files.write(runDir.resolve(DRIVER), DRIVER_TEXT);
      }
      drv = driver;
      exports = runDir.resolve("env-shell-" + (++started));
    }
    return StepShell.start(drv, Map.copyOf(env), exports, workspace, outputPool);
  }

  private void giveBack(StepShell shell) {
    StepShell evicted = null;
    synchronized (this) {
      if (closed) {
        evicted = shell;
      } else {
        idle.addFirst(shell);
        if (idle.size() > MAX_IDLE) {
          evicted = idle.removeLast();
        }
      }
    }
    if (evicted != null) {
      evicted.close();
    }
  }

  /** Closes every idle shell (each exits at the end of its input); later returns are closed. */
  void closeAll() {
    List<StepShell> all;
    synchronized (this) {
      closed = true;
      all = List.copyOf(idle);
      idle.clear();
    }
    all.forEach(StepShell::close);
  }

  private static byte[] driverText() {
    try (InputStream in = StepShells.class.getResourceAsStream(DRIVER)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DRIVER);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
