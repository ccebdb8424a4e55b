package io.jxengine.bench;

import io.javalin.Javalin;
import io.jxengine.scm.webhook.Signatures;
import io.jxengine.server.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Webhook answer time under 200 concurrent signed deliveries, three ways, each against a bare
 * Javalin endpoint (reads the body, answers 202, stores nothing) driven the same way in the same
 * run. The load generators run outside this JVM: {@code wrk} (C) and {@link LoadGen} (a JVM of its
 * own, one thread, connections opened beforehand).
 *
 * <ol>
 *   <li>closed loop ({@code wrk}): every connection sends its next delivery as soon as the last
 *       is answered, for a fixed time: a saturation test whose latency is mostly queueing;
 *   <li>burst: all connections send one delivery at the same moment, all answers are awaited,
 *       repeated: the "200 concurrent deliveries" read literally;
 *   <li>open loop at fixed rates spread over the connections, latency from each request's due
 *       time: what a provider sending at that rate sees.
 * </ol>
 *
 * <p>The engine is {@link BenchServer} with the delivery worker paused, so the figure is intake
 * alone (verify, map, store durably, answer). Both servers run in this JVM all along, and each
 * method is run against the baseline and then the engine, back to back. After each method the
 * deliveries table is counted: every delivery answered 2xx must be stored.
 *
 * <p>Usage: {@code IntakeLoadBench <work dir> <connections> <wrk seconds> <burst rounds>
 * <rate seconds> <rate,...>}; needs {@code wrk} on the PATH.
 */
public final class IntakeLoadBench {
  /** One method's figures in ms, and how many deliveries it sent and had answered 2xx. */
  record Figures(double p50, double p90, double p99, double rate, long sent, long ok) {}

  private IntakeLoadBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Files.createDirectories(Path.of(args[0]));
    int connections = Integer.parseInt(args[1]);
    int wrkSeconds = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    int rateSeconds = Integer.parseInt(args[4]);
    List<Double> rates = new ArrayList<>();
    for (String r : args[5].split(",")) {
      rates.add(Double.parseDouble(r));
    }
    byte[] body = IntakeBench.payload();
    Path bodyFile = Files.write(work.resolve("body.json"), body);
    Path script = Files.writeString(work.resolve("intake.lua"), IntakeWrkBench.luaScript(body));
    String signature = Signatures.signGitHub(BenchServer.SECRET, body);
    Load load = new Load(connections, wrkSeconds, rounds, rateSeconds, rates, bodyFile, script,
        signature);

    Javalin bare = Javalin.create(c -> c.showJavalinBanner = false);
    bare.post("/hook", ctx -> {
      ctx.bodyAsBytes();
      ctx.status(202).result("{}");
    }).start("127.0.0.1", 0);
    Map<String, Figures> baseline = new LinkedHashMap<>();
    Map<String, Figures> engine = new LinkedHashMap<>();
    try (BenchServer server = new BenchServer(work.resolve("engine"), ServerBench.PIPELINE,
        ServerConfig.loopback(0).withWorkers(0), IntakeBench.client(8), (javalin, app) -> {})) {
      load.run(new Target("http://127.0.0.1:" + bare.port() + "/hook", prefix -> -1, baseline),
          new Target(server.url() + "/hook", prefix -> server.count(
              "SELECT COUNT(*) FROM deliveries WHERE delivery_id LIKE '" + prefix + "-%'"),
              engine));
    } finally {
      bare.stop();
    }
    Map<String, Long> stored = load.stored;
    print(connections, wrkSeconds, rounds, rateSeconds, baseline, engine, stored);
  }

  private static void print(int connections, int wrkSeconds, int rounds, int rateSeconds,
      Map<String, Figures> baseline, Map<String, Figures> engine, Map<String, Long> stored) {
    System.out.printf("webhook answer time, %d connections, %d cores (ms; ratio = engine /"
        + " bare Javalin, same load, same run)%n", connections,
        Runtime.getRuntime().availableProcessors());
    System.out.printf("  closed loop: wrk %d s; burst: %d rounds of %d at once; open loop: %d s"
        + " per rate%n", wrkSeconds, rounds, connections, rateSeconds);
    System.out.printf("  %-18s %26s   %26s   %-17s %-17s %s%n", "method",
        "bare Javalin p50/p90/p99", "jx-engine p50/p90/p99", "ratio p50/p99", "req/s bare/engine",
        "stored");
    boolean allStored = true;
    for (String method : engine.keySet()) {
      Figures b = baseline.get(method);
      Figures e = engine.get(method);
      boolean ok = stored.get(method) >= e.ok();
      allStored &= ok;
      System.out.printf(Locale.ROOT, "  %-18s %8.2f %8.2f %8.2f   %8.2f %8.2f %8.2f   %6.2fx %6.2fx   %6.0f %6.0f  "
              + "   %d stored for %d answered 2xx: %s%n", method, b.p50(), b.p90(), b.p99(),
          e.p50(), e.p90(), e.p99(), e.p50() / b.p50(), e.p99() / b.p99(), b.rate(), e.rate(),
          stored.get(method), e.ok(), ok);
    }
    System.out.printf("  every delivery answered 2xx was stored: %s (stored counts include the"
        + " unmeasured warm-up and requests still in flight when wrk stopped)%n", allStored);
  }

  /** The three methods against one URL. */
  private static final class Load {
    final int connections;
    final int wrkSeconds;
    final int rounds;
    final int rateSeconds;
    final List<Double> rates;
    final Path body;
    final Path script;
    final String signature;
    final Map<String, Long> stored = new LinkedHashMap<>();

    Load(int connections, int wrkSeconds, int rounds, int rateSeconds, List<Double> rates,
        Path body, Path script, String signature) {
      this.connections = connections;
      this.wrkSeconds = wrkSeconds;
      this.rounds = rounds;
      this.rateSeconds = rateSeconds;
      this.rates = rates;
      this.body = body;
      this.script = script;
      this.signature = signature;
    }

    /**
     * Every method against the baseline then the engine, back to back, so that a change in the
     * machine's load between methods weighs on both alike. Both servers run all along.
     */
    void run(Target bare, Target engine) throws Exception {
      for (Target t : List.of(bare, engine)) {
        IntakeWrkBench.wrk(script, t.url(), connections, 3, "warm"); // JIT warm-up
      }
      for (Target t : List.of(bare, engine)) {
        IntakeWrkBench.Run w = IntakeWrkBench.wrk(script, t.url(), connections, wrkSeconds, "wrk");
        t.figures().put("closed loop (wrk)", new Figures(w.percentiles().get("50"),
            w.percentiles().get("90"), w.percentiles().get("99"), w.rate(), w.requests(),
            w.requests() - w.non2xx()));
      }
      stored.put("closed loop (wrk)", engine.count().of("wrk"));
      for (Target t : List.of(bare, engine)) {
        t.figures().put("burst", loadGen(List.of("burst", t.url(), "" + connections, "" + rounds,
            "burst")));
      }
      stored.put("burst", engine.count().of("burst"));
      for (double rate : rates) {
        String name = String.format(Locale.ROOT, "open loop %.0f/s", rate);
        String prefix = String.format(Locale.ROOT, "rate%.0f", rate);
        for (Target t : List.of(bare, engine)) {
          t.figures().put(name, loadGen(List.of("rate", t.url(), "" + connections, "" + rate,
              "" + rateSeconds, prefix)));
        }
        stored.put(name, engine.count().of(prefix));
      }
    }

    private Figures loadGen(List<String> args) throws IOException, InterruptedException {
      List<String> cmd = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
          LoadGen.class.getName()));
      cmd.addAll(args);
      cmd.add(body.toString());
      cmd.add(signature);
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0 || !text.contains("RESULT ")) {
        throw new IOException("the load generator failed: " + text);
      }
      Map<String, String> v = new LinkedHashMap<>();
      for (String kv : text.substring(text.indexOf("RESULT ") + 7).trim().split("\\s+")) {
        String[] pair = kv.split("=", 2);
        v.put(pair[0], pair[1]);
      }
      long answered = Long.parseLong(v.get("answered"));
      return new Figures(Double.parseDouble(v.get("p50")), Double.parseDouble(v.get("p90")),
          Double.parseDouble(v.get("p99")), answered / Double.parseDouble(v.get("seconds")),
          Long.parseLong(v.get("sent")), answered - Long.parseLong(v.get("non2xx")));
    }
  }

  /** A server under test and where its figures go. */
  private record Target(String url, LongUnaryOperatorOf count, Map<String, Figures> figures) {}

  /** The deliveries stored under a prefix ({@code -1} for the baseline, which stores none). */
  @FunctionalInterface
  interface LongUnaryOperatorOf {
    long of(String prefix);
  }
}
