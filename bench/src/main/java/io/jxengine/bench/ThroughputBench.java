package io.jxengine.bench;

import io.jxengine.backend.RunListener;
import io.jxengine.activity.Status;
import io.jxengine.backend.Backend;
import io.jxengine.catalog.Catalog;
import io.jxengine.engine.RunContext;
import io.jxengine.engine.RunOutcome;
import io.jxengine.engine.RunRequest;
import io.jxengine.model.Pipeline;
import io.jxengine.server.ServerConfig;
import io.jxengine.parse.PipelineLoader;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * (c) Sustained runs per minute of the three-step pipeline with {@code --max-runs 4}: signed push
 * webhooks (distinct delivery ids, the same commit, so each is its own run) are fed so that about
 * {@code 2 x maxRuns} are always waiting or running, for a bounded time after a warm-up; the
 * figure is the Succeeded runs that ended in that window. Baseline: {@code maxRuns} threads
 * calling {@code RunService.run} in a loop on the same commit, no server.
 */
final class ThroughputBench {
  record Result(double enginePerMin, double baselinePerMin, long succeeded, long failed,
      double seconds, int maxRuns) {}

  private ThroughputBench() {}

  static Result measure(Path work, int maxRuns, double seconds, double baselineSeconds,
      HttpClient http) throws Exception {
    try (BenchServer server = new BenchServer(work, ServerBench.PIPELINE,
        ServerConfig.loopback(0).withMaxRuns(maxRuns), http)) {
      double baseline = direct(server, maxRuns, baselineSeconds);
      byte[] body = server.pushPayload("refs/heads/main", BenchServer.ZEROS, server.head());
      int backlog = 2 * maxRuns;
      AtomicInteger sent = new AtomicInteger();
      long terminal0 = terminal(server);
      // Warm-up: one backlog's worth, all finished, before the window opens.
      for (int i = 0; i < backlog; i++) {
        server.post("warm-" + sent.incrementAndGet(), body);
      }
      waitUntil(() -> terminal(server) - terminal0 >= backlog);
      long ok0 = count(server, Status.Succeeded);
      long term0 = terminal(server);
      long start = System.nanoTime();
      long end = start + (long) (seconds * 1e9);
      int inWindow = 0;
      while (System.nanoTime() < end) {
        long outstanding = inWindow - (terminal(server) - term0);
        for (; outstanding < backlog; outstanding++) {
          server.post("run-" + sent.incrementAndGet(), body);
          inWindow++;
        }
        Thread.sleep(5);
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      long ok = count(server, Status.Succeeded) - ok0;
      long failed = terminal(server) - term0 - ok;
      return new Result(ok / elapsed * 60, baseline, ok, failed, elapsed, maxRuns);
    }
  }

  /** Runs per minute of {@code threads} threads looping on RunService.run for {@code seconds}. */
  private static double direct(BenchServer server, int threads, double seconds) throws Exception {
    Pipeline pipeline = new PipelineLoader(Catalog.empty())
        .loadString(ServerBench.PIPELINE, ".jx/pipeline.yaml", "default").effective();
    RunContext ctx = new RunContext(BenchServer.OWNER, BenchServer.NAME, "direct", null, "push",
        server.bare.toUri().toString(), server.head(), "bench", "bench", null, null, null, null,
        "0.0.1", "postsubmit", null);
    RunRequest request = new RunRequest(pipeline, ctx, null, 0, false);
    // Warm-up, then the timed window.
    server.runService.run(request, RunListener.NONE, new Backend.CancelSignal());
    AtomicInteger ok = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          RunOutcome o = server.runService.run(request, RunListener.NONE,
              new Backend.CancelSignal());
          if (o.status() == Status.Succeeded && System.nanoTime() <= end) {
            ok.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    return ok.get() / ((end - start) / 1e9) * 60;
  }

  private static long terminal(BenchServer server) {
    long n = 0;
    for (Map.Entry<Status, Long> e : server.serverStore.activitiesByStatus().entrySet()) {
      n += e.getKey().isTerminal() ? e.getValue() : 0;
    }
    return n;
  }

  private static long count(BenchServer server, Status status) {
    return server.serverStore.activitiesByStatus().getOrDefault(status, 0L);
  }

  private interface Condition {
    boolean holds();
  }

  private static void waitUntil(Condition c) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (!c.holds()) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("the server did not finish its warm-up runs in 120 s");
      }
      Thread.sleep(10);
    }
  }
}
