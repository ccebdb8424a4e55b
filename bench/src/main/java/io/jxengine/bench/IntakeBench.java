package io.jxengine.bench;

import io.javalin.Javalin;
import io.jxengine.server.ServerConfig;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * (a) Webhook intake: rounds of {@code concurrency} signed GitHub pushes sent at once, each with
 * its own delivery id, timed from send to answer on the client. The server runs with the
 * delivery worker paused ({@code withWorkers(0)}) so that the figure is intake alone (verify,
 * map, store durably, answer) and 200 deliveries do not start 200 runs. Baseline: a bare Javalin
 * endpoint that reads the body and answers 202 without storing, driven the same way.
 */
final class IntakeBench {
  /** Answer times; {@code stored} is the deliveries table's row count at the end. */
  record Result(Stats engine, Stats baseline, int sent, long stored, int non2xx) {}

  private IntakeBench() {}

  static Result measure(Path work, int concurrency, int rounds) throws Exception {
    HttpClient http = client(concurrency);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      Stats baseline;
      Javalin bare = Javalin.create(c -> c.showJavalinBanner = false)
          .post("/hook", ctx -> {
            ctx.bodyAsBytes();
            ctx.status(202).result("{}");
          })
          .start("127.0.0.1", 0);
      try {
        String url = "http://127.0.0.1:" + bare.port();
        baseline = Stats.of(rounds(pool, http, url, "base", concurrency, rounds, null));
      } finally {
        bare.stop();
      }
      try (BenchServer server = new BenchServer(work, ServerBench.PIPELINE,
          ServerConfig.loopback(0).withWorkers(0), http)) {
        int[] bad = new int[1];
        List<Double> engine = rounds(pool, http, server.url(), "d", concurrency, rounds, bad);
        int sent = concurrency * (rounds + 1);
        long stored = server.count("SELECT COUNT(DISTINCT delivery_id) FROM deliveries");
        return new Result(Stats.of(engine), baseline, sent, stored, bad[0]);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static HttpClient client(int concurrency) {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(Math.max(2, concurrency / 8))).build();
  }

  /** One warm-up round then {@code rounds} measured ones; every delivery id is new. */
  private static List<Double> rounds(ExecutorService pool, HttpClient http, String url,
      String prefix, int concurrency, int rounds, int[] bad) throws Exception {
    List<Double> all = Collections.synchronizedList(new ArrayList<>());
    byte[] body = payload();
    for (int r = 0; r <= rounds; r++) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Double>> answers = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        String delivery = prefix + "-" + r + "-" + i;
        answers.add(pool.submit(() -> {
          go.await();
          long t0 = System.nanoTime();
          int status = BenchServer.post(http, url, delivery, body);
          double ms = (System.nanoTime() - t0) / 1e6;
          if (status / 100 != 2 && bad != null) {
            synchronized (bad) {
              bad[0]++;
            }
          }
          return ms;
        }));
      }
      go.countDown();
      for (Future<Double> f : answers) {
        double ms = f.get();
        if (r > 0) {
          all.add(ms);
        }
      }
    }
    return all;
  }

  private static byte[] payload() {
    // Same shape as a real GitHub push; intake does not look at the commit (worker paused).
    String sha = "1".repeat(40);
    return ("{\"ref\":\"refs/heads/main\",\"before\":\"" + BenchServer.ZEROS + "\",\"after\":\""
        + sha + "\",\"repository\":{\"full_name\":\"" + BenchServer.OWNER + "/" + BenchServer.NAME
        + "\",\"name\":\"" + BenchServer.NAME + "\",\"clone_url\":\"file:///bench\",\"owner\":"
        + "{\"login\":\"" + BenchServer.OWNER + "\"}},\"pusher\":{\"name\":\"bench\"},"
        + "\"head_commit\":{\"message\":\"bench\",\"author\":{\"name\":\"B\"}},\"commits\":[]}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
