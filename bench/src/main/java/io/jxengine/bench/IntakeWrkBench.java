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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook intake driven by {@code wrk} (a C load generator, outside this JVM): {@code connections}
 * keep-alive connections each with one signed GitHub push in flight, every request with its own
 * delivery id, for {@code seconds}. The in-JVM generator of {@link IntakeBench} shares the two
 * cores and the JIT with the server; this one measures the server. Baseline: a bare Javalin
 * endpoint that reads the body and answers 202, driven the same way in the same run. The server
 * runs with the delivery worker paused, so the figure is intake alone (verify, map, store, answer).
 *
 * <p>Usage: {@code IntakeWrkBench <work dir> [connections] [seconds]}; needs {@code wrk} on the PATH.
 */
public final class IntakeWrkBench {
  private static final Pattern PERCENTILE =
      Pattern.compile("^\\s+(50|75|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([0-9.]+)(ms|s|m)");
  private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern ERRORS = Pattern.compile("Socket errors: (.*)");

  /** Percentiles in ms, completed requests, and what wrk counted as failed. */
  record Run(Map<String, Double> percentiles, long requests, double seconds, long non2xx,
      String socketErrors) {
    double rate() {
      return requests / seconds;
    }
  }

  private IntakeWrkBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Files.createDirectories(Path.of(args[0]));
    int connections = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    byte[] body = IntakeBench.payload();
    Path script = work.resolve("intake.lua");
    Files.writeString(script, luaScript(body));

    Javalin bare = Javalin.create(c -> c.showJavalinBanner = false);
    bare.post("/hook", ctx -> {
      ctx.bodyAsBytes();
      ctx.status(202).result("{}");
    }).start("127.0.0.1", 0);
    Run baseline;
    try {
      String url = "http://127.0.0.1:" + bare.port() + "/hook";
      wrk(script, url, connections, 3, "warm"); // JIT warm-up, not measured
      baseline = wrk(script, url, connections, seconds, "base");
    } finally {
      bare.stop();
    }

    Run engine;
    long stored;
    try (BenchServer server = new BenchServer(work.resolve("engine"), ServerBench.PIPELINE,
        ServerConfig.loopback(0).withWorkers(0), IntakeBench.client(8), (javalin, app) -> {})) {
      String url = server.url() + "/hook";
      wrk(script, url, connections, 3, "warm");
      engine = wrk(script, url, connections, seconds, "run");
      stored = server.count("SELECT COUNT(*) FROM deliveries WHERE delivery_id LIKE 'run-%'");
    }

    System.out.printf("webhook intake under wrk: %d connections, %d s, %d cores%n",
        connections, seconds, Runtime.getRuntime().availableProcessors());
    print("bare Javalin (baseline)", baseline);
    print("jx-engine server", engine);
    System.out.printf("  ratio engine/baseline: p50 %.2fx, p99 %.2fx, rate %.2fx%n",
        engine.percentiles().get("50") / baseline.percentiles().get("50"),
        engine.percentiles().get("99") / baseline.percentiles().get("99"),
        engine.rate() / baseline.rate());
    System.out.printf("  deliveries stored: %d for %d answered (%d non-2xx); every answered 2xx"
        + " delivery stored: %s%n", stored, engine.requests(), engine.non2xx(),
        stored >= engine.requests() - engine.non2xx());
  }

  private static void print(String what, Run r) {
    System.out.printf("  %-24s p50 %7.2f ms  p75 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  %8.0f req/s"
            + "  non-2xx %d%s%n", what, r.percentiles().get("50"), r.percentiles().get("75"),
        r.percentiles().get("90"), r.percentiles().get("99"), r.rate(), r.non2xx(),
        r.socketErrors() == null ? "" : "  socket errors: " + r.socketErrors());
  }

  static Run wrk(Path script, String url, int connections, int seconds, String prefix)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("wrk", "-t", "2", "-c", String.valueOf(connections),
        "-d", seconds + "s", "--timeout", "10s", "--latency", "-s", script.toString(), url, "--",
        prefix));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("wrk failed: " + out);
    }
    return parse(out);
  }

  static Run parse(String out) {
    Map<String, Double> percentiles = new LinkedHashMap<>();
    Matcher m = PERCENTILE.matcher(out);
    while (m.find()) {
      double v = Double.parseDouble(m.group(2));
      percentiles.put(m.group(1), switch (m.group(3)) {
        case "us" -> v / 1000;
        case "s" -> v * 1000;
        default -> v;
      });
    }
    Matcher r = REQUESTS.matcher(out);
    if (!r.find() || percentiles.size() != 4) {
      throw new IllegalStateException("cannot read wrk's output:\n" + out);
    }
    double secs = Double.parseDouble(r.group(2)) * switch (r.group(3)) {
      case "ms" -> 0.001;
      case "m" -> 60;
      default -> 1;
    };
    Matcher n = NON2XX.matcher(out);
    Matcher e = ERRORS.matcher(out);
    return new Run(percentiles, Long.parseLong(r.group(1)), secs,
        n.find() ? Long.parseLong(n.group(1)) : 0, e.find() ? e.group(1).trim() : null);
  }

  /** Every request gets a delivery id of its own: {@code <prefix>-<thread>-<n>}. */
  static String luaScript(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return String.join("\n",
        "local threads = 0",
        "function setup(thread) threads = threads + 1; thread:set('tid', threads) end",
        "function init(args) prefix = args[1] .. '-' .. tid .. '-'; n = 0 end",
        "wrk.method = 'POST'",
        "wrk.headers['Content-Type'] = 'application/json'",
        "wrk.headers['X-GitHub-Event'] = 'push'",
        "wrk.headers['X-Hub-Signature-256'] = '" + Signatures.signGitHub(BenchServer.SECRET, body)
            + "'",
        "wrk.body = [==[" + text + "]==]",
        "request = function()",
        "  n = n + 1",
        "  wrk.headers['X-GitHub-Delivery'] = prefix .. n",
        "  return wrk.format(nil, nil, nil, nil)",
        "end",
        "");
  }
}
