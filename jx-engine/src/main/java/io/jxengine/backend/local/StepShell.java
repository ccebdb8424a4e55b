package io.jxengine.backend.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A persistent shell that runs a lane's plain steps one after another without a process launch
 * per step: {@code setsid /bin/sh step-shell.sh}, the leader of its own session and process
 * group, started with the steps' whole environment as its real environment (values are never
 * spliced into shell text). Each step runs in a subshell of it, or in the shell itself when it
 * cannot change the shell ({@link InlineCommand}; see the driver script). The
 * shell first reads its nonce; a request is then a directory, a script path and the values of
 * {@link #PER_STEP}, written as lines of plain data that the shell reads into variables and never
 * evaluates. Paths are sent relative to the shell's directory and the driver's, as far as they
 * are below them: the shell reads its input a byte at a time, so short requests are cheap ones.
 *
 * <p>Lifecycle: {@link #start}, then {@link #send} / wait on the returned future, one step at a
 * time; {@link #close} (end of input: the shell exits) when idle. A shell whose step was ended
 * (timeout, cancel, leftovers) is terminated through its {@link StepProcess} and never reused.
 *
 * <p>Threading: one step at a time (the pool hands a shell to one lane); its output is read by
 * one thread of the output pool until the shell's output ends.
 */
final class StepShell {
  private static final SecureRandom RANDOM = new SecureRandom();
  /**
   * The variables that differ from step to step in one lane (the job variables naming the stage
   * and the step): sent with each request, in this order, so that they do not need a shell each.
   */
  static final List<String> PER_STEP = List.of("JX_STAGE", "JX_STEP");

  private final Process process;
  private final long startMillis;
  private final Path exports;
  private final Map<String, String> env;
  private final Path cwd;
  private final Path driverDir;
  private final ShellLines lines = new ShellLines();
  private final Future<?> reader;
  private final OutputStream requests;
  /** Unguessable per shell, so no output line of a step can pass for its end marker. */
  private final String nonceBase = HexFormat.of().formatHex(randomBytes());
  private long steps;

  private StepShell(Process process, long startMillis, Path exports, Map<String, String> env,
      Path cwd, Path driverDir, ExecutorService outputPool) throws IOException {
    this.process = process;
    this.startMillis = startMillis;
    this.exports = exports;
    this.env = env;
    this.cwd = cwd;
    this.driverDir = driverDir;
    this.requests = process.getOutputStream();
    this.reader = outputPool.submit(() -> {
      new OutputPump(process.getInputStream(), lines).run();
      lines.ended();
    });
    requests.write((nonceBase + "\n").getBytes(StandardCharsets.US_ASCII));
    requests.flush();
  }

  /**
   * Starts a shell with {@code env} plus {@link StepExports#VARIABLE} naming {@code exports},
   * the file its steps hand variables on through (read and emptied after each step).
   *
   * @throws IOException when the shell cannot be started
   */
  static StepShell start(Path driver, Map<String, String> env, Path exports, Path cwd,
      ExecutorService outputPool) throws IOException {
    Path drv = driver.toAbsolutePath();
    Path dir = cwd.toAbsolutePath();
    ProcessBuilder pb = new ProcessBuilder(ProcessGroups.SETSID, "/bin/sh", drv.toString())
        .directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.environment().put(StepExports.VARIABLE, exports.toString());
    long startMillis = System.currentTimeMillis();
    Process p = pb.start();
    try {
      return new StepShell(p, startMillis, exports, env, dir, drv.getParent(), outputPool);
    } catch (IOException e) {
      p.destroyForcibly();
      throw e;
    }
  }

  /** The environment the shell was started with (without {@link StepExports#VARIABLE}). */
  Map<String, String> env() {
    return env;
  }

  Process process() {
    return process;
  }

  long startMillis() {
    return startMillis;
  }

  /** The file named by {@code $JXE_ENV} in this shell. */
  Path exports() {
    return exports;
  }

  boolean alive() {
    return process.isAlive() && !reader.isDone();
  }

  /**
   * Asks the shell to run {@code script} in {@code dir} with the values of {@link #PER_STEP}
   * (null: unset) in its environment, in the shell itself when {@code inline} (only for a script
   * {@link InlineCommand#eligible}; the shell runs it so only in its own directory), else in a
   * subshell; lines of its output go to {@code sink}
   * on the output thread. The future completes after the step's last line with its exit code, or
   * with null when the shell's output ended first (the shell was killed or died).
   *
   * @throws IOException when the shell no longer reads requests
   */
  CompletableFuture<Integer> send(Path dir, Path script, boolean inline, List<String> perStep,
      Consumer<String> sink) throws IOException {
    String nonce = nonceBase + "-" + (++steps);
    CompletableFuture<Integer> exit = lines.expect(nonce, sink);
    StringBuilder request = new StringBuilder(64).append(inline ? "i\n" : "s\n")
        .append(relative(cwd, dir.toAbsolutePath(), true)).append('\n')
        .append(relative(driverDir, script.toAbsolutePath(), false)).append('\n');
    for (String value : perStep) {
      request.append(value == null ? "-" : "=" + value).append('\n');
    }
    requests.write(request.toString().getBytes(StandardCharsets.UTF_8));
    requests.flush();
    return exit;
  }

  /**
   * {@code path} relative to {@code base} when it is below it (the shell's own directory is
   * {@code "."}), else absolute. A directory that would start with {@code -} gets {@code ./} so
   * that {@code cd} cannot read it as an option; a script name is joined to the base by the shell.
   */
  static String relative(Path base, Path path, boolean directory) {
    Path p = path.normalize();
    if (!p.startsWith(base) || p.equals(base) && !directory) {
      return p.toString();
    }
    String rel = base.relativize(p).toString();
    if (rel.isEmpty()) {
      return ".";
    }
    return directory && rel.startsWith("-") ? "./" + rel : rel;
  }

  /** True when a value can be sent in a request: one line of text (null is sent as unset). */
  static boolean sendable(String s) {
    return s == null || s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
  }

  /** Waits up to {@code millis} for the shell's output to end; true when it did. */
  boolean awaitOutputEnd(long millis) throws InterruptedException {
    try {
      reader.get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return true; // the pump swallows I/O errors; a failing sink does not stop it either
    }
  }

  /** Ends an idle shell: at the end of its input it leaves its loop and exits. */
  void close() {
    try {
      requests.close();
    } catch (IOException e) {
      // already gone: nothing to end
    }
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return b;
  }
}
