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
  record Result(Stats engine, Stats baseline, Stats engineHandler, Stats baselineHandler,
      int sent, long stored, int non2xx) {}

  /** Unmeasured rounds first: the baseline runs first, on a colder JVM than the engine. */
  static final int WARMUP_ROUNDS = 2;

  private IntakeBench() {}

  static Result measure(Path work, int concurrency, int rounds) throws Exception {
    HttpClient http = client(concurrency);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      Stats baseline;
      HandlerTimes bareTimes = new HandlerTimes();
      Javalin bare = Javalin.create(c -> c.showJavalinBanner = false);
      bareTimes.register(bare);
      bare.post("/hook", ctx -> {
            ctx.bodyAsBytes();
            ctx.status(202).result("{}");
          })
          .start("127.0.0.1", 0);
      try {
        String url = "http://127.0.0.1:" + bare.port();
        baseline =
            Stats.of(rounds(pool, http, url, "base", concurrency, rounds, null, bareTimes));
      } finally {
        bare.stop();
      }
      HandlerTimes times = new HandlerTimes();
      try (BenchServer server = new BenchServer(work, ServerBench.PIPELINE,
          ServerConfig.loopback(0).withWorkers(0), http,
          (javalin, app) -> times.register(javalin))) {
        int[] bad = new int[1];
        List<Double> engine =
            rounds(pool, http, server.url(), "d", concurrency, rounds, bad, times);
        int sent = concurrency * (rounds + WARMUP_ROUNDS);
        long stored = server.count("SELECT COUNT(DISTINCT delivery_id) FROM deliveries");
        return new Result(Stats.of(engine), baseline, times.stats(), bareTimes.stats(), sent,
            stored, bad[0]);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static HttpClient client(int concurrency) {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(Math.max(2, concurrency / 8), r -> {
          // Daemon: the client is never closed (Java 17), and must not keep the JVM alive.
          Thread t = new Thread(r, "bench-http");
          t.setDaemon(true);
          return t;
        })).build();
  }

  /** Warm-up rounds then {@code rounds} measured ones; every delivery id is new. */
  private static List<Double> rounds(ExecutorService pool, HttpClient http, String url,
      String prefix, int concurrency, int rounds, int[] bad, HandlerTimes times)
      throws Exception {
    List<Double> all = Collections.synchronizedList(new ArrayList<>());
    byte[] body = payload();
    for (int r = 1 - WARMUP_ROUNDS; r <= rounds; r++) {
      if (r == 1) {
        times.clear(); // drop the warm-up round
      }
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

  /**
   * Time inside the server for {@code POST /hook}, from Javalin's before-handler to its
   * after-handler: the handling alone, without the wait for a connection or a Jetty thread.
   */
  static final class HandlerTimes {
    private static final String T0 = "bench.t0";
    private final List<Double> samples = Collections.synchronizedList(new ArrayList<>());

    void register(Javalin javalin) {
      javalin.before("/hook", ctx -> ctx.attribute(T0, System.nanoTime()));
      javalin.after("/hook", ctx -> {
        Long t0 = ctx.attribute(T0);
        if (t0 != null) {
          samples.add((System.nanoTime() - t0) / 1e6);
        }
      });
    }

    void clear() {
      samples.clear();
    }

    Stats stats() {
      return Stats.of(samples);
    }
  }

  static byte[] payload() {
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
