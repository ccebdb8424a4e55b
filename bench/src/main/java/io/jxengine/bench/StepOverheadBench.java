package io.jxengine.bench;

import io.jxengine.activity.Status;
import io.jxengine.backend.Backend;
import io.jxengine.backend.RunListener;
import io.jxengine.backend.local.LocalBackend;
import io.jxengine.catalog.Catalog;
import io.jxengine.compile.LocalCompiler;
import io.jxengine.compile.Plan;
import io.jxengine.engine.JxeHome;
import io.jxengine.engine.RunContext;
import io.jxengine.engine.RunOutcome;
import io.jxengine.engine.RunRequest;
import io.jxengine.engine.RunService;
import io.jxengine.logs.FileLogStore;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.secrets.LocalSecretProvider;
import io.jxengine.store.SqliteActivityStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The local executor's overhead per step: a pipeline of N `true` steps run by the engine (warm
 * JVM, real SQLite store and log files) against the same N commands as one plain shell script,
 * measured in the same run. Prints medians and the overhead per step. Two more baselines split
 * the overhead: the engine's step shell fed the same requests from a file (the shell's work
 * without the JVM), and the local backend alone (without the activity and log stores).
 */
public final class StepOverheadBench {
  /** Medians in milliseconds. */
  public record Result(
      int steps, double engineMs, double scriptBuiltinMs, double scriptExternalMs,
      double scriptLaunchesMs, double scriptShellMs, double backendMs, double engineCpuMs,
      double engineFaults) {
    public double overheadPerStepMs() {
      return (engineMs - scriptBuiltinMs) / steps;
    }

    public double overheadPerStepVsExternalMs() {
      return (engineMs - scriptExternalMs) / steps;
    }

    /** Above the same process launches the engine makes per step, done by a shell script. */
    public double overheadPerStepVsLaunchesMs() {
      return (engineMs - scriptLaunchesMs) / steps;
    }

    /** The JVM's share: above the engine's step shell fed the same requests from a file. */
    public double overheadPerStepVsShellMs() {
      return (engineMs - scriptShellMs) / steps;
    }

    /** The JVM's CPU time per step (all its threads, not the shell's): little moved by load. */
    public double engineCpuPerStepMs() {
      return engineCpuMs / steps;
    }

    /** What the activity and log stores add per step: the whole engine above the backend alone. */
    public double storePerStepMs() {
      return (engineMs - backendMs) / steps;
    }
  }

  private StepOverheadBench() {}

  public static void main(String[] args) throws Exception {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Path work = Files.createTempDirectory("jxe-bench");
    // `true` runs in the step shell itself; a step that changes directory needs a subshell.
    print(measure(steps, false, rounds, work.resolve("inline")), rounds,
        "`true` (run in the step shell itself)");
    print(measure(steps, true, rounds, work.resolve("subshell")), rounds,
        "`cd .` and `true` (a step that changes directory runs in a subshell: one fork)");
  }

  private static void print(Result r, int rounds, String what) {
    int steps = r.steps();
    System.out.printf("step overhead benchmark: %d steps of %s, median of %d runs%n", steps, what, rounds);
    System.out.printf("  plain shell script (builtins):      %8.1f ms%n", r.scriptBuiltinMs());
    System.out.printf("  plain shell script (/bin/true):      %8.1f ms%n", r.scriptExternalMs());
    System.out.printf("  jx-engine local executor:            %8.1f ms%n", r.engineMs());
    System.out.printf("  engine overhead per step vs builtin: %8.3f ms (goal <= 2 ms)%n", r.overheadPerStepMs());
    System.out.printf("  engine overhead per step vs /bin/true: %6.3f ms%n", r.overheadPerStepVsExternalMs());
    System.out.printf("  plain script of the former launches (setsid /bin/sh -e step.sh): %8.1f ms%n",
        r.scriptLaunchesMs());
    System.out.printf("  engine overhead per step vs those launches: %8.3f ms%n",
        r.overheadPerStepVsLaunchesMs());
    System.out.printf("  ratio engine / script(/bin/true):    %8.2fx%n", r.engineMs() / r.scriptExternalMs());
    System.out.printf("  ratio engine / script(launches):     %8.2fx%n", r.engineMs() / r.scriptLaunchesMs());
    System.out.printf("  the engine's step shell fed the same %d requests from a file (no JVM): %8.1f ms%n",
        steps, r.scriptShellMs());
    System.out.printf("  engine overhead per step vs that shell (the JVM's share): %8.3f ms%n",
        r.overheadPerStepVsShellMs());
    System.out.printf("  local backend alone (no activity/log store): %8.1f ms; the stores add %.3f ms/step%n",
        r.backendMs(), r.storePerStepMs());
    System.out.printf("  ratio engine / step shell from a file: %6.2fx%n", r.engineMs() / r.scriptShellMs());
    System.out.printf("  the engine JVM's own CPU time: %.3f ms per step (its threads only)%n",
        r.engineCpuPerStepMs());
    System.out.printf("  the engine JVM's page faults: %.1f per step%n", r.engineFaults() / steps);
  }

  /**
   * Measures {@code steps} steps of {@code true} (run in the step shell itself) or, with {@code
   * subshell}, of {@code cd .} then {@code true} (run in a subshell of it) against the same
   * commands as plain scripts, {@code rounds} times.
   */
  public static Result measure(int steps, boolean subshell, int rounds, Path work)
      throws Exception {
    String cd = subshell ? "cd .\n" : "";
    Path repo = work.resolve("repo");
    Files.createDirectories(repo.resolve(".jx"));
    Files.createDirectories(work);
    StringBuilder yaml = new StringBuilder("name: bench\nstages:\n  - name: many\n    steps:\n");
    StringBuilder builtin = new StringBuilder("set -e\n");
    StringBuilder external = new StringBuilder("set -e\n");
    // What the local backend launches per step: its own session (setsid) and `sh -e` on a file.
    Path stepScript = Files.writeString(work.resolve("step.sh"), cd + "true\n");
    StringBuilder launches = new StringBuilder("set -e\n");
    for (int i = 0; i < steps; i++) {
      yaml.append("      - run: \"").append(cd.replace("\n", "\\n")).append("true\"\n");
      builtin.append(cd).append("true\n");
      external.append(cd).append("/bin/true\n");
      launches.append("setsid /bin/sh -e ").append(stepScript).append('\n');
    }
    Files.writeString(repo.resolve(".jx/pipeline.yaml"), yaml);
    // The engine's own step shell (the driver script the local backend runs) reading the same
    // requests from a file: what running the steps costs without the JVM.
    Path driver = work.resolve("step-shell.sh");
    try (var in = LocalBackend.class.getResourceAsStream("step-shell.sh")) {
      Files.write(driver, in.readAllBytes());
    }
    // As the engine sends them: the nonce first, then per step how to run it (inline or in a
    // subshell), the directory relative to the shell's, the script relative to the driver's
    // directory, the stage and the step.
    StringBuilder requests = new StringBuilder("0123456789abcdef\n");
    for (int i = 0; i < steps; i++) {
      requests.append(subshell ? "s\n" : "i\n").append(".\n")
          .append(stepScript.getFileName()).append("\n=many\n=step").append(i + 1).append('\n');
    }
    Path requestFile = Files.writeString(work.resolve("requests.txt"), requests);
    Path builtinScript = Files.writeString(work.resolve("builtin.sh"), builtin);
    Path externalScript = Files.writeString(work.resolve("external.sh"), external);
    Path launchesScript = Files.writeString(work.resolve("launches.sh"), launches);

    LoadResult loaded =
        new PipelineLoader(Catalog.empty()).load(repo.resolve(".jx/pipeline.yaml"), "pipeline.yaml", "bench");
    if (loaded.hasErrors()) {
      throw new IllegalStateException("bench pipeline has errors: " + loaded.diagnostics());
    }
    JxeHome home = new JxeHome(work.resolve("home"), List.of()).ensureExists();
    RunContext ctx = new RunContext("bench", "repo", "main", null, "push", "", "", "", "", null,
        null, null, null, "0.0.1", "postsubmit", null);
    List<Double> engine = new ArrayList<>();
    List<Double> sb = new ArrayList<>();
    List<Double> se = new ArrayList<>();
    List<Double> sl = new ArrayList<>();
    List<Double> ss = new ArrayList<>();
    List<Double> bk = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    List<Double> faults = new ArrayList<>();
    Plan plan = new LocalCompiler().compile(loaded.effective(), ctx, 1, repo, 4);
    LocalBackend backend = new LocalBackend(home.scripts());
    try (SqliteActivityStore store = SqliteActivityStore.open(home.database())) {
      RunService service = new RunService(store, new FileLogStore(home.logs()),
          new LocalBackend(home.scripts()), new LocalSecretProvider(List.of(), Map.of()), home);
      RunRequest request = new RunRequest(loaded.effective(), ctx, repo, 1, false);
      for (int i = 0; i < rounds + 2; i++) { // two warm-up rounds
        long cpu0 = cpuNanos();
        long f0 = minorFaults();
        long t0 = System.nanoTime();
        RunOutcome outcome = service.run(request, RunListener.NONE, new Backend.CancelSignal());
        double ms = (System.nanoTime() - t0) / 1e6;
        double cpuMs = (cpuNanos() - cpu0) / 1e6;
        double fs = minorFaults() - f0;
        if (outcome.status() != Status.Succeeded) {
          throw new IllegalStateException("bench run ended " + outcome.status());
        }
        double b = shell(builtinScript);
        double e = shell(externalScript);
        double l = shell(launchesScript);
        double d = shellFrom(driver, requestFile, repo);
        long t1 = System.nanoTime();
        Status alone = backend.run(plan, repo, Map.of(), RunListener.NONE, new Backend.CancelSignal());
        double k = (System.nanoTime() - t1) / 1e6;
        if (alone != Status.Succeeded) {
          throw new IllegalStateException("bench backend run ended " + alone);
        }
        if (i >= 2) {
          engine.add(ms);
          sb.add(b);
          se.add(e);
          sl.add(l);
          ss.add(d);
          bk.add(k);
          cpu.add(cpuMs);
          faults.add(fs);
        }
      }
    }
    return new Result(steps, median(engine), median(sb), median(se), median(sl), median(ss),
        median(bk), median(cpu), median(faults));
  }

  private static double shell(Path script) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder("/bin/sh", script.toString()).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("baseline script failed");
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  private static double shellFrom(Path script, Path input, Path dir)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder("/bin/sh", script.toString()).directory(dir.toFile())
        .redirectInput(input.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("step shell baseline failed");
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  /** Minor page faults of this JVM so far (its own, not its children's), or 0 without /proc. */
  private static long minorFaults() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[7]); // minflt: field 10 of stat, the 8th after "(comm)"
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** CPU time of this JVM so far (every thread), or 0 where the platform does not say. */
  private static long cpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? Math.max(0, sun.getProcessCpuTime()) : 0;
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

}
