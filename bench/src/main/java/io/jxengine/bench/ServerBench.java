package io.jxengine.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine server's figures (issue 3, Performance), each against a baseline measured in the
 * same run: (a) webhook answer time under concurrent signed deliveries, (b) push webhook to first
 * step, (c) sustained runs per minute, (d) idle memory. See each part's class for what exactly is
 * measured. Usage: {@code ServerBench [--concurrency 200] [--rounds 5] [--pushes 30] [--seconds
 * 60] [--baseline-seconds 20] [--max-runs 4] [--idle 5] [--jxe ./jxe | --jxe none]}.
 */
public final class ServerBench {
  /** The three-step pipeline every part runs. */
  static final String PIPELINE = """
      name: bench
      stages:
        - name: build
          steps:
            - name: one
              run: echo one
            - name: two
              run: echo two
            - name: three
              run: echo three
      """;

  /**
   * How big a run is.
   *
   * @param jxe the command that starts {@code jxe server --port 0}, or empty to skip (d)
   */
  public record Options(int concurrency, int rounds, int pushes, double seconds,
      double baselineSeconds, int maxRuns, double idleSeconds, List<String> jxe) {
    public static Options defaults() {
      return new Options(200, 5, 30, 60, 20, 4, 5, List.of("./jxe", "server", "--port", "0"));
    }
  }

  /** Every figure of one run; {@code memory} is null when (d) was skipped. */
  public record Report(IntakeBench.Result intake, PushLatencyBench.Result latency,
      ThroughputBench.Result throughput, IdleMemoryBench.Result memory, List<String> load) {}

  private ServerBench() {}

  public static void main(String[] args) throws Exception {
    Options o = parse(args);
    Report r = run(o, Files.createTempDirectory("jxe-server-bench"), System.out);
    print(r, o, System.out);
  }

  public static Report run(Options o, Path work, PrintStream progress) throws Exception {
    List<String> load = new ArrayList<>();
    load.add("start " + loadAverage());
    HttpClient http = IntakeBench.client(o.concurrency());
    progress.println("server bench: (a) webhook intake...");
    IntakeBench.Result a = IntakeBench.measure(work.resolve("a"), o.concurrency(), o.rounds());
    load.add("after (a) " + loadAverage());
    progress.println("server bench: (b) push to first step...");
    PushLatencyBench.Result b = PushLatencyBench.measure(work.resolve("b"), o.pushes(), http);
    load.add("after (b) " + loadAverage());
    progress.println("server bench: (c) sustained runs...");
    ThroughputBench.Result c = ThroughputBench.measure(work.resolve("c"), o.maxRuns(),
        o.seconds(), o.baselineSeconds(), http);
    load.add("after (c) " + loadAverage());
    IdleMemoryBench.Result d = null;
    if (!o.jxe().isEmpty()) {
      progress.println("server bench: (d) idle memory...");
      d = IdleMemoryBench.measure(Files.createDirectories(work.resolve("d")), o.jxe(),
          o.idleSeconds());
      load.add("after (d) " + loadAverage());
    }
    return new Report(a, b, c, d, load);
  }

  static void print(Report r, Options o, PrintStream out) {
    out.printf("server benchmark (%d cores; load average %s)%n",
        Runtime.getRuntime().availableProcessors(), String.join(", ", r.load()));
    out.printf("  %-46s %11s %11s %8s  %s%n", "figure", "engine", "baseline", "ratio", "goal");
    IntakeBench.Result a = r.intake();
    String conc = o.concurrency() + " concurrent x " + o.rounds();
    row(out, "(a) webhook answer p50, " + conc, a.engine().p50(), a.baseline().p50(), "ms", "");
    row(out, "(a) webhook answer p99, " + conc, a.engine().p99(), a.baseline().p99(), "ms",
        "p99 <= 20 ms");
    row(out, "(a) in-server handling p50 (before->after)", a.engineHandler().p50(),
        a.baselineHandler().p50(), "ms", "");
    row(out, "(a) in-server handling p99 (before->after)", a.engineHandler().p99(),
        a.baselineHandler().p99(), "ms", "");
    out.printf("      deliveries stored %d of %d sent (incl. %d warm-up rounds), non-2xx %d;"
        + " worker paused, baseline = bare Javalin 202%n", a.stored(), a.sent(),
        IntakeBench.WARMUP_ROUNDS, a.non2xx());
    PushLatencyBench.Result b = r.latency();
    String n = b.runs() + " pushes";
    row(out, "(b) push -> first step p50, " + n, b.engine().p50(), b.baseline().p50(), "ms",
        "p50 <= 150 ms");
    row(out, "(b) push -> first step p90, " + n, b.engine().p90(), b.baseline().p90(), "ms", "");
    out.printf("      %d of %d runs Succeeded; baseline = RunService.run on the same commits%n",
        b.succeeded(), b.runs());
    ThroughputBench.Result c = r.throughput();
    row(out, "(c) runs/min, 3 steps, --max-runs " + c.maxRuns(), c.enginePerMin(),
        c.baselinePerMin(), "/min", ">= 600/min");
    out.printf("      %d Succeeded, %d not, in %.1f s; baseline = %d threads looping"
        + " RunService.run for %.0f s%n", c.succeeded(), c.failed(), c.seconds(), c.maxRuns(),
        o.baselineSeconds());
    IdleMemoryBench.Result d = r.memory();
    if (d == null) {
      out.println("  (d) idle memory: skipped");
    } else {
      row(out, "(d) idle RSS after " + (int) d.idleSeconds() + " s", d.engineKb() / 1024.0,
          d.baselineKb() / 1024.0, "MiB", "report");
      out.printf("      engine = %s; baseline = Javalin hello on a bare JVM, same flags%n",
          String.join(" ", o.jxe()));
    }
  }

  private static void row(PrintStream out, String what, double engine, double base, String unit,
      String goal) {
    // Two decimals below 10: a bare endpoint's handling time is a fraction of a millisecond.
    String e = engine < 10 ? "%8.2f" : "%8.1f";
    String b = base < 10 ? "%7.2f" : "%7.1f";
    out.printf("  %-46s " + e + " %-4s " + b + " %-4s %7.2fx  %s%n", what, engine, unit, base,
        unit, engine / base, goal);
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  static Options parse(String[] args) {
    Options d = Options.defaults();
    int conc = d.concurrency();
    int rounds = d.rounds();
    int pushes = d.pushes();
    double seconds = d.seconds();
    double base = d.baselineSeconds();
    int maxRuns = d.maxRuns();
    double idle = d.idleSeconds();
    List<String> jxe = d.jxe();
    for (int i = 0; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--concurrency" -> conc = Integer.parseInt(v);
        case "--rounds" -> rounds = Integer.parseInt(v);
        case "--pushes" -> pushes = Integer.parseInt(v);
        case "--seconds" -> seconds = Double.parseDouble(v);
        case "--baseline-seconds" -> base = Double.parseDouble(v);
        case "--max-runs" -> maxRuns = Integer.parseInt(v);
        case "--idle" -> idle = Double.parseDouble(v);
        case "--jxe" -> jxe = v.equals("none") ? List.of() : List.of(v, "server", "--port", "0");
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    return new Options(conc, rounds, pushes, seconds, base, maxRuns, idle, jxe);
  }

}
