package io.jxengine.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.scm.ProviderKind;
import io.jxengine.server.repos.Repository;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every API endpoint over real HTTP, with real runs behind it. */
class ApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path dir;
  static TestServer server;
  static long quickMain;
  static long quickFeature;

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.start(dir);
    server.repositories().save(new Repository(0, ProviderKind.GITHUB, "acme", "widget",
        "https://bot:ghp_secret@github.com/acme/widget.git", "https://api.github.com",
        "github/token", "hook-secret-value", "main", List.of("jdoe"), null, null, null));
    quickMain = server.startRun(TestServer.QUICK_PIPELINE, TestServer.push("main"));
    server.awaitEnd(quickMain);
    quickFeature = server.startRun(TestServer.QUICK_PIPELINE, TestServer.push("feature/x"));
    server.awaitEnd(quickFeature);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void repositoriesLeaveOutSecretsAndCredentials() throws Exception {
    HttpResponse<String> r = get("/api/repositories");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/json"));
    JsonNode repos = JSON.readTree(r.body());
    assertThat(repos).hasSize(1);
    assertThat(repos.get(0).get("fullName").asText()).isEqualTo("acme/widget");
    assertThat(repos.get(0).get("cloneUrl").asText()).isEqualTo("https://github.com/acme/widget.git");
    assertThat(r.body()).doesNotContain("hook-secret-value", "ghp_secret", "github/token");
  }

  @Test
  void activitiesAreNewestFirstWithStagesAndSteps() throws Exception {
    JsonNode list = json(get("/api/activities?repo=acme/widget"), 200);
    List<Long> ids = ids(list);
    assertThat(ids).containsSubsequence(quickFeature, quickMain);
    JsonNode first = byId(list, quickMain);
    assertThat(first.get("status").asText()).isEqualTo("Succeeded");
    assertThat(first.get("url").asText()).isEqualTo(server.baseUrl() + "/runs/" + quickMain);
    assertThat(first.get("started").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    JsonNode stage = first.get("stages").get(0);
    assertThat(stage.get("name").asText()).isEqualTo("build");
    assertThat(stage.get("column").asInt()).isZero();
    assertThat(stage.get("steps").get(0).get("name").asText()).isEqualTo("compile");
    assertThat(stage.get("steps").get(0).get("exitCode").asInt()).isZero();
  }

  @Test
  void stagesOfADagShareColumnsWhenTheyRanTogether() throws Exception {
    long id = server.startRun("""
        stages:
          - name: build
            steps: [{name: compile, run: "true"}]
          - name: lint
            needs: [build]
            steps: [{name: check, run: "sleep 1"}]
          - name: test
            needs: [build]
            steps: [{name: unit, run: "sleep 1"}]
          - name: publish
            needs: [lint, test]
            steps: [{name: upload, run: "true"}]
        """, TestServer.push("dag"));
    server.awaitEnd(id);
    JsonNode stages = json(get("/api/activities/" + id), 200).get("stages");
    java.util.Map<String, Integer> columns = new java.util.TreeMap<>();
    stages.forEach(s -> columns.put(s.get("name").asText(), s.get("column").asInt()));
    assertThat(columns).containsExactlyInAnyOrderEntriesOf(
        java.util.Map.of("build", 0, "lint", 1, "test", 1, "publish", 2));
  }

  @Test
  void testResultsOfAnActivity() throws Exception {
    // Nothing recorded: 200 with no totals; an unknown activity: 404; a bad id: 400.
    JsonNode none = json(get("/api/activities/" + quickFeature + "/tests"), 200);
    assertThat(none.get("totals").isNull()).isTrue();
    assertThat(none.get("reports")).isEmpty();
    json(get("/api/activities/999999/tests"), 404);
    json(get("/api/activities/abc/tests"), 400);

    server.store().recordTests(quickMain, List.of(new io.jxengine.testreport.StepTestReport("build", "junit",
        new io.jxengine.testreport.TestReport(new io.jxengine.testreport.TestTotals(2, 12, 1, 1, 2, 3400),
            List.of(new io.jxengine.testreport.FailedCase("com.acme.ATest", "adds", "failure",
                "expected <2> but was <3>", "at com.acme.ATest.adds(ATest.java:9)")), 1))));
    JsonNode t = json(get("/api/activities/" + quickMain + "/tests"), 200);
    assertThat(t.get("activityId").asLong()).isEqualTo(quickMain);
    assertThat(t.at("/totals/tests").asInt()).isEqualTo(12);
    assertThat(t.at("/totals/failures").asInt()).isEqualTo(1);
    assertThat(t.at("/totals/durationMillis").asLong()).isEqualTo(3400);
    JsonNode report = t.at("/reports/0");
    assertThat(report.get("stage").asText()).isEqualTo("build");
    assertThat(report.at("/report/failedLeftOut").asInt()).isEqualTo(1);
    assertThat(report.at("/report/failed/0/trace").asText()).contains("ATest.java:9");
  }

  @Test
  void activitiesFilter() throws Exception {
    assertThat(ids(json(get("/api/activities?branch=feature/x"), 200))).containsExactly(quickFeature);
    assertThat(ids(json(get("/api/activities?repo=acme/other"), 200))).isEmpty();
    assertThat(ids(json(get("/api/activities?status=succeeded&source=native"), 200)))
        .contains(quickMain, quickFeature);
    assertThat(ids(json(get("/api/activities?status=Failed"), 200))).isEmpty();
    assertThat(ids(json(get("/api/activities?source=jenkinsfile"), 200))).isEmpty();
    assertThat(json(get("/api/activities?limit=1"), 200)).hasSize(1);
  }

  @Test
  void activitiesRefuseBadParameters() throws Exception {
    for (String q : List.of("status=Sleeping", "repo=nothing", "repo=a/b/c", "limit=-1",
        "limit=many", "limit=100000", "limit=0")) {
      HttpResponse<String> r = get("/api/activities?" + q);
      assertThat(r.statusCode()).as(q).isEqualTo(400);
      assertThat(JSON.readTree(r.body()).get("error").asText()).as(q).isNotBlank();
    }
  }

  @Test
  void oneActivityOr404Or400() throws Exception {
    JsonNode a = json(get("/api/activities/" + quickMain), 200);
    assertThat(a.get("id").asLong()).isEqualTo(quickMain);
    assertThat(a.get("name").asText()).isEqualTo("acme/widget/main #" + a.get("build").asInt());
    assertThat(json(get("/api/activities/999999"), 404).get("error").asText()).isNotBlank();
    json(get("/api/activities/abc"), 400);
    json(get("/api/activities/0"), 400);
  }

  @Test
  void logsFromALine() throws Exception {
    long step = stepId(quickMain, "build", "compile");
    String base = "/api/activities/" + quickMain + "/steps/" + step + "/logs";
    JsonNode all = json(get(base), 200);
    assertThat(all.get("lines").get(0).get("text").asText()).isEqualTo("built in no time");
    assertThat(all.get("lines").get(0).get("time").asText()).endsWith("Z");
    assertThat(all.get("next").asInt()).isEqualTo(1);
    assertThat(all.get("done").asBoolean()).isTrue();
    JsonNode rest = json(get(base + "?from=1"), 200);
    assertThat(rest.get("lines")).isEmpty();
    assertThat(rest.get("next").asInt()).isEqualTo(1);
  }

  @Test
  void logsRefuseUnknownAndBadIds() throws Exception {
    long step = stepId(quickMain, "build", "compile");
    json(get("/api/activities/" + quickMain + "/steps/999999/logs"), 404);
    // a step of another activity is not found through this one
    json(get("/api/activities/" + quickFeature + "/steps/" + step + "/logs"), 404);
    json(get("/api/activities/999999/steps/" + step + "/logs"), 404);
    json(get("/api/activities/" + quickMain + "/steps/x/logs"), 400);
    json(get("/api/activities/" + quickMain + "/steps/" + step + "/logs?from=-1"), 400);
  }

  @Test
  void eventsStreamStatusAndLinesWhileTheRunGoes() throws Exception {
    long id = server.startRun(TestServer.SLOW_PIPELINE, TestServer.push("stream"));
    HttpRequest request = HttpRequest.newBuilder(uri("/api/activities/" + id + "/events"))
        .header("Accept", "text/event-stream").build();
    HttpResponse<InputStream> r = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.statusCode()).isEqualTo(200);
    List<String[]> events = new ArrayList<>();
    Status whenFirstLineArrived = null;
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      String event = null;
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("event:")) {
          event = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          String data = line.substring(5).strip();
          events.add(new String[] {event, data});
          if ("log".equals(event) && whenFirstLineArrived == null) {
            whenFirstLineArrived = server.store().get(id).orElseThrow().status();
          }
        }
      }
    }
    assertThat(whenFirstLineArrived).isEqualTo(Status.Running);
    assertThat(events.get(0)[0]).isEqualTo("activity");
    assertThat(events).last().satisfies(e -> {
      assertThat(e[0]).isEqualTo("end");
      assertThat(JSON.readTree(e[1]).get("status").asText()).isEqualTo("Succeeded");
    });
    List<String> texts = new ArrayList<>();
    for (String[] e : events) {
      if (e[0].equals("log")) {
        JSON.readTree(e[1]).get("lines").forEach(l -> texts.add(l.get("text").asText()));
      }
    }
    assertThat(texts).contains("compiling part 1", "compiling part 30", "unit tests passed",
        "uploaded");
    assertThat(texts).doesNotHaveDuplicates();
    assertThat(events.stream().filter(e -> e[0].equals("activity")).map(e -> status(e[1])))
        .contains("Running", "Succeeded");
  }

  @Test
  void eventsOfAnUnknownActivityAre404() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri("/api/activities/999999/events"))
        .header("Accept", "text/event-stream").build();
    HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(r.body()).get("error").asText()).isNotBlank();
  }

  @Test
  void eventsNeedTheEventStreamAcceptHeader() throws Exception {
    json(get("/api/activities/" + quickMain + "/events"), 406);
  }

  @Test
  void stopNeedsAValidTokenThenAbortsTheRun() throws Exception {
    long id = server.startRun(TestServer.SLOW_PIPELINE, TestServer.push("stop-me"));
    String path = "/api/activities/" + id + "/stop";
    HttpResponse<String> none = post(path, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(post(path, "wrong-token").statusCode()).isEqualTo(401);
    assertThat(post(path, "").statusCode()).isEqualTo(401);
    assertThat(server.store().get(id).orElseThrow().status().isTerminal()).isFalse();

    json(post(path, TestServer.TOKEN), 202);
    Activity ended = server.awaitEnd(id);
    assertThat(ended.status()).isEqualTo(Status.Aborted);
    json(post(path, TestServer.TOKEN), 409);
    json(post("/api/activities/999999/stop", TestServer.TOKEN), 404);
    json(post("/api/activities/nope/stop", TestServer.TOKEN), 400);
  }

  @Test
  void rerunNeedsAValidTokenAndCreatesANewRun() throws Exception {
    String path = "/api/activities/" + quickMain + "/rerun";
    assertThat(post(path, null).statusCode()).isEqualTo(401);
    assertThat(post(path, "wrong-token").statusCode()).isEqualTo(401);

    HttpResponse<String> created = post(path, TestServer.TOKEN);
    JsonNode body = json(created, 201);
    long newId = body.get("id").asLong();
    assertThat(newId).isNotEqualTo(quickMain);
    assertThat(created.headers().firstValue("Location")).hasValue(server.baseUrl() + "/runs/" + newId);
    Activity rerun = server.awaitEnd(newId);
    Activity original = server.store().get(quickMain).orElseThrow();
    assertThat(rerun.pipeline()).isEqualTo(original.pipeline());
    assertThat(rerun.build()).isGreaterThan(original.build());
    assertThat(rerun.status()).isEqualTo(Status.Succeeded);
    json(post("/api/activities/999999/rerun", TestServer.TOKEN), 404);
  }

  @Test
  void approvalGateIsDecidedByASubmittersToken() throws Exception {
    long id = server.startRun("""
        stages:
          - name: deploy
            steps:
              - name: go-live
                approval: {message: Ship it, ok: Ship, submitters: [alice]}
              - run: echo shipped
        """, TestServer.push("gated"));
    String list = "/api/activities/" + id + "/approvals";
    JsonNode gate = await().atMost(Duration.ofSeconds(30)).until(
        () -> json(get(list), 200), g -> g.size() == 1 && g.get(0).get("state").asText().equals("Waiting"))
        .get(0);
    assertThat(gate.get("message").asText()).isEqualTo("Ship it");
    assertThat(gate.get("ok").asText()).isEqualTo("Ship");
    assertThat(gate.get("step").asText()).isEqualTo("go-live");
    assertThat(status(get("/api/activities/" + id).body())).isEqualTo("WaitingForApproval");

    String approve = list + "/go-live/approve";
    assertThat(post(approve, null).statusCode()).isEqualTo(401);
    assertThat(post(approve, "wrong-token").statusCode()).isEqualTo(401);
    json(post(approve, TestServer.TOKEN), 403); // a token without a user is not alice
    json(post(list + "/elsewhere/approve", TestServer.ALICE_TOKEN), 409);
    assertThat(json(get(list), 200).get(0).get("state").asText()).isEqualTo("Waiting");

    JsonNode decided = json(post(approve, TestServer.ALICE_TOKEN), 200);
    assertThat(decided.get("state").asText()).isEqualTo("Approved");
    assertThat(decided.get("decidedBy").asText()).isEqualTo(TestServer.ALICE);
    Activity done = server.awaitEnd(id);
    assertThat(done.status()).isEqualTo(Status.Succeeded);
    json(post(list + "/go-live/reject", TestServer.ALICE_TOKEN), 409);
    json(post("/api/activities/999999/approvals/go-live/approve", TestServer.ALICE_TOKEN), 404);
  }

  private static String status(String activityJson) {
    try {
      return JSON.readTree(activityJson).get("status").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long stepId(long activity, String stage, String step) throws Exception {
    JsonNode a = json(get("/api/activities/" + activity), 200);
    for (JsonNode s : a.get("stages")) {
      if (s.get("name").asText().equals(stage)) {
        for (JsonNode st : s.get("steps")) {
          if (st.get("name").asText().equals(step)) {
            return st.get("id").asLong();
          }
        }
      }
    }
    throw new AssertionError("no step " + stage + "/" + step);
  }

  private static JsonNode byId(JsonNode list, long id) {
    return StreamSupport.stream(list.spliterator(), false)
        .filter(a -> a.get("id").asLong() == id).findFirst().orElseThrow();
  }

  private static List<Long> ids(JsonNode list) {
    return StreamSupport.stream(list.spliterator(), false).map(a -> a.get("id").asLong()).toList();
  }

  private static JsonNode json(HttpResponse<String> r, int status) throws IOException {
    assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode body = JSON.readTree(r.body());
    if (status >= 400) {
      assertThat(body.get("error").asText()).isNotBlank();
    }
    return body;
  }

  private static URI uri(String path) {
    return URI.create(server.baseUrl() + path);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

}
