package io.jxengine.bench;

import io.jxengine.backend.RunListener;
import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import io.jxengine.activity.StepRecord;
import io.jxengine.backend.Backend;
import io.jxengine.catalog.Catalog;
import io.jxengine.engine.RunContext;
import io.jxengine.engine.RunOutcome;
import io.jxengine.engine.RunRequest;
import io.jxengine.model.Pipeline;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.server.ServerConfig;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * (b) Push to first step: {@code pushes} sequential pushes, each a new commit pushed to the bare
 * repository, then its signed webhook; the figure is the first step's recorded {@code started}
 * (activity store) minus the wall-clock time just before the webhook was sent. Each run ends
 * before the next push, so nothing queues. Baseline: {@code RunService.run} started directly on
 * the same commits (the same checkout from the bare repository), first step's {@code started}
 * minus the call time.
 */
final class PushLatencyBench {
  record Result(Stats engine, Stats baseline, int runs, int succeeded) {}

  private static final long TIMEOUT_MS = 60_000;

  private PushLatencyBench() {}

  static Result measure(Path work, int pushes, HttpClient http) throws Exception {
    try (BenchServer server =
        new BenchServer(work, ServerBench.PIPELINE, ServerConfig.loopback(0), http)) {
      List<Double> engine = new ArrayList<>();
      List<String> shas = new ArrayList<>();
      int succeeded = 0;
      for (int i = -2; i < pushes; i++) { // two warm-up pushes
        String before = server.head();
        String sha = server.commitAndPush("change " + i);
        long t0 = System.currentTimeMillis();
        int status = server.post("push-" + i, server.pushPayload("refs/heads/main", before, sha));
        if (status != 202) {
          throw new IllegalStateException("webhook answered " + status);
        }
        Activity done = awaitTerminal(server, sha);
        if (i >= 0) {
          engine.add((double) (firstStepStarted(done).toEpochMilli() - t0));
          shas.add(sha);
          succeeded += done.status() == Status.Succeeded ? 1 : 0;
        }
      }
      return new Result(Stats.of(engine), Stats.of(direct(server, shas)), pushes, succeeded);
    }
  }

  private static List<Double> direct(BenchServer server, List<String> shas) throws Exception {
    LoadResult loaded = new PipelineLoader(Catalog.empty())
        .loadString(ServerBench.PIPELINE, ".jx/pipeline.yaml", "default");
    Pipeline pipeline = loaded.effective();
    List<Double> out = new ArrayList<>();
    for (String sha : shas) {
      RunContext ctx = new RunContext(BenchServer.OWNER, BenchServer.NAME, "main", null, "push",
          server.bare.toUri().toString(), sha, "bench", "bench", null, null, null, null,
          "0.0.1", "postsubmit", null);
      long t0 = System.currentTimeMillis();
      RunOutcome outcome = server.runService.run(
          new RunRequest(pipeline, ctx, null, 0, false), RunListener.NONE,
          new Backend.CancelSignal());
      if (outcome.status() != Status.Succeeded) {
        throw new IllegalStateException("direct run ended " + outcome.status());
      }
      Activity a = server.activities.get(outcome.activity().id()).orElseThrow();
      out.add((double) (firstStepStarted(a).toEpochMilli() - t0));
    }
    return out;
  }

  static Activity awaitTerminal(BenchServer server, String sha) throws InterruptedException {
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      Optional<Activity> a = server.activityOf(sha);
      if (a.isPresent() && a.get().status().isTerminal()) {
        return a.get();
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException("no finished run of " + sha + " within " + TIMEOUT_MS + " ms");
  }

  static Instant firstStepStarted(Activity a) {
    return a.steps().stream()
        .filter(s -> s.kind() == StepKind.Step && s.started() != null)
        .map(StepRecord::started)
        .min(Instant::compareTo)
        .orElseThrow(() -> new IllegalStateException("run " + a.displayName()
            + " has no started step (" + a.status() + ": " + a.message() + ")"));
  }
}
