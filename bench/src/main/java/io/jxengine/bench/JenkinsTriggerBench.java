package io.jxengine.bench;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.jenkins.api.JenkinsApiExtension;
import io.jxengine.jenkins.api.JenkinsUsers;
import io.jxengine.logs.FileLogStore;
import io.jxengine.server.ServerConfig;
import io.jxengine.server.api.ApiContext;
import io.jxengine.server.api.ApiRoutes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Build triggers through the Jenkins API ({@code POST job/b/build} of a one-step freestyle job)
 * against the engine's own REST trigger ({@code POST /api/activities/{id}/rerun} of a build of
 * the same job), in one server in one JVM: builds queued per second with {@code CONCURRENCY}
 * clients, alternating rounds, each round after the previous round's runs have all ended. Both
 * queue the same run on the same scheduler, so the ratio is the Jenkins API's own cost (the
 * job's config, the pipeline it makes and checks, the answer).
 *
 * <p>Usage: {@code JenkinsTriggerBench [builds per round] [rounds] [concurrency]}.
 */
public final class JenkinsTriggerBench {
  private JenkinsTriggerBench() {}

  public static void main(String[] args) throws Exception {
    int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    Path dir = Files.createTempDirectory("jxe-jenkins-bench");
    Path jenkinsHome = JenkinsApiExtension.jenkinsHome(dir.resolve("home"));
    String token = new JenkinsUsers(jenkinsHome).createToken("bench");
    String basic = "Basic " + Base64.getEncoder()
        .encodeToString(("bench:" + token).getBytes(StandardCharsets.UTF_8));
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(concurrency,
        r -> {
          Thread t = new Thread(r, "bench-http");
          t.setDaemon(true);
          return t;
        })).build();
    FileLogStore logs = new FileLogStore(dir.resolve("home").resolve("logs"));
    try (BenchServer server = new BenchServer(dir, "stages: [{name: s, steps: [{run: 'true'}]}]\n",
        ServerConfig.loopback(0).withWorkers(0), http, (javalin, app) -> {
          ApiRoutes.register(javalin, new ApiContext(app.parts().activities(), logs,
              app.parts().repositories(), app.runControl(), "bench"::equals, null));
          JenkinsApiExtension.routes(app, jenkinsHome, new JenkinsUsers(jenkinsHome), logs)
              .register(javalin);
        })) {
      String jenkins = server.url() + "/jenkins/";
      send(http, HttpRequest.newBuilder(URI.create(jenkins + "createItem?name=b"))
          .header("Authorization", basic).header("Content-Type", "application/xml")
          .POST(HttpRequest.BodyPublishers.ofString("<project><builders><hudson.tasks.Shell>"
              + "<command>true</command></hudson.tasks.Shell></builders></project>")), 200);
      HttpRequest jenkinsBuild = HttpRequest.newBuilder(URI.create(jenkins + "job/b/build"))
          .header("Authorization", basic).POST(HttpRequest.BodyPublishers.noBody()).build();
      send(http, HttpRequest.newBuilder(jenkinsBuild, (k, v) -> true), 201);
      drain(server);
      long seed = server.activities.list(new ActivityFilter("jenkins", "b", null, null, null, 1))
          .get(0).id();
      HttpRequest rerun = HttpRequest.newBuilder(
              URI.create(server.url() + "/api/activities/" + seed + "/rerun"))
          .header("Authorization", "Bearer bench").POST(HttpRequest.BodyPublishers.noBody())
          .build();

      List<Double> viaJenkins = new ArrayList<>();
      List<Double> viaRest = new ArrayList<>();
      for (int round = -1; round < rounds; round++) { // round -1 warms both paths up
        double rest = perSecond(http, rerun, 201, perRound, concurrency);
        drain(server);
        double jenk = perSecond(http, jenkinsBuild, 201, perRound, concurrency);
        drain(server);
        if (round >= 0) {
          viaRest.add(rest);
          viaJenkins.add(jenk);
        }
      }
      Stats j = Stats.of(viaJenkins);
      Stats r = Stats.of(viaRest);
      System.out.printf("Jenkins API build triggers: %d builds x %d rounds, %d clients, %d cores%n",
          perRound, rounds, concurrency, Runtime.getRuntime().availableProcessors());
      System.out.printf("  POST /jenkins/job/b/build:            median %.1f builds queued/s%n", j.p50());
      System.out.printf("  POST /api/activities/{id}/rerun:      median %.1f builds queued/s%n", r.p50());
      System.out.printf("  ratio Jenkins API / REST API:         %.2f%n", j.p50() / r.p50());
    }
  }

  /** Sends {@code n} copies of the request from {@code c} threads; answers per second. */
  private static double perSecond(HttpClient http, HttpRequest req, int status, int n, int c)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(c);
    try {
      long t0 = System.nanoTime();
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        all.add(pool.submit(() -> {
          send(http, HttpRequest.newBuilder(req, (k, v) -> true), status);
          return null;
        }));
      }
      for (Future<?> f : all) {
        f.get();
      }
      return n / ((System.nanoTime() - t0) / 1e9);
    } finally {
      pool.shutdown();
    }
  }

  private static void send(HttpClient http, HttpRequest.Builder req, int status) throws Exception {
    HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != status) {
      throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  /** Waits until no build is queued or running. */
  private static void drain(BenchServer server) throws InterruptedException {
    while (true) {
      List<Activity> all = server.activities.list(ActivityFilter.all());
      if (all.stream().allMatch(a -> a.status().isTerminal())) {
        return;
      }
      Thread.sleep(200);
    }
  }
}
