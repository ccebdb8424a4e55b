package io.jxengine.jenkins.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds of Jenkins jobs run by the engine, followed through the Jenkins API. */
class JenkinsBuildsIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @TempDir Path dir;
  JenkinsApiServer server;
  JenkinsHttp api;

  @BeforeEach
  void start() throws Exception {
    server = new JenkinsApiServer(dir);
    api = new JenkinsHttp(server.url(), JenkinsApiServer.USER, server.token);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  /** Triggers and returns the queue item's number from the Location header. */
  private long trigger(String path) throws Exception {
    HttpResponse<String> r = api.post(path, "");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String location = r.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(server.url() + "queue/item/").endsWith("/");
    String[] parts = location.split("/");
    return Long.parseLong(parts[parts.length - 1]);
  }

  private int buildNumber(long queueItem) {
    JsonNode[] executable = new JsonNode[1];
    await().atMost(WAIT).until(() -> {
      executable[0] = api.json("queue/item/" + queueItem + "/api/json").path("executable");
      return executable[0].isObject();
    });
    return executable[0].path("number").asInt();
  }

  private JsonNode finished(String job, int number) {
    JsonNode[] build = new JsonNode[1];
    await().atMost(WAIT).until(() -> {
      build[0] = api.json(job + "/" + number + "/api/json");
      return !build[0].path("building").asBoolean() && !build[0].path("result").isNull();
    });
    return build[0];
  }

  @Test
  void aFreestyleBuildWithParametersRunsAsAnActivity() throws Exception {
    api.post("createItem?name=hello", Fixtures.job("freestyle.xml"));
    String greeting = URLEncoder.encode("hi $(touch pwned); `id`", StandardCharsets.UTF_8);
    long item = trigger("job/hello/buildWithParameters?GREETING=" + greeting + "&COLOUR=green");
    int number = buildNumber(item);
    assertThat(number).isEqualTo(1);

    JsonNode build = finished("job/hello", number);
    assertThat(build.path("result").asText()).isEqualTo("SUCCESS");
    assertThat(build.path("number").asInt()).isEqualTo(1);
    assertThat(build.path("url").asText()).isEqualTo(server.url() + "job/hello/1/");
    assertThat(build.path("timestamp").asLong()).isPositive();
    assertThat(build.path("duration").asLong()).isNotNegative();
    assertThat(build.path("actions").toString()).contains("COLOUR").contains("green");

    String console = api.get("job/hello/1/consoleText").body();
    // the parameter reached the step as a value, never as shell text
    assertThat(console).contains("hi $(touch pwned); `id` in green").contains("second")
        .contains("Finished: SUCCESS");

    List<Activity> activities = server.activities.list(ActivityFilter.all());
    assertThat(activities).singleElement().satisfies(a -> {
      assertThat(a.source()).isEqualTo("jenkins");
      assertThat(a.owner()).isEqualTo("jenkins");
      assertThat(a.repo()).isEqualTo("hello");
      assertThat(a.author()).isEqualTo("alice");
    });
    JsonNode job = api.json("job/hello/api/json");
    assertThat(job.path("color").asText()).isEqualTo("blue");
    assertThat(job.path("lastBuild").path("number").asInt()).isEqualTo(1);
    assertThat(job.path("nextBuildNumber").asInt()).isEqualTo(2);
    assertThat(api.json("job/hello/lastSuccessfulBuild/api/json").path("number").asInt())
        .isEqualTo(1);
  }

  @Test
  void passwordParametersAreMaskedInTheConsoleAndNeverShown() throws Exception {
    api.post("createItem?name=deploy", Fixtures.job("password-parameter.xml"));
    long item = trigger("job/deploy/buildWithParameters?DEPLOY_TOKEN=s3cr3t-t0ken-value&TARGET=prod");
    int number = buildNumber(item);
    JsonNode build = finished("job/deploy", number);
    assertThat(build.path("result").asText()).isEqualTo("SUCCESS");
    assertThat(build.toString()).contains("TARGET").doesNotContain("s3cr3t-t0ken-value");

    String console = api.get("job/deploy/" + number + "/consoleText").body();
    String base64 = java.util.Base64.getEncoder().encodeToString("s3cr3t-t0ken-value".getBytes(StandardCharsets.UTF_8));
    assertThat(console).contains("deploying to prod with ***")
        .doesNotContain("s3cr3t-t0ken-value").doesNotContain(base64);
    JsonNode job = api.json("job/deploy/api/json");
    assertThat(job.toString()).doesNotContain("default-token-value");
  }

  @Test
  void aFailingStepFailsTheBuildAndBuildsInFoldersCount() throws Exception {
    api.post("createItem?name=f", Fixtures.job("folder.xml"));
    api.post("job/f/createItem?name=broken", Fixtures.freestyle("echo before", "exit 3",
        "echo never"));
    int first = buildNumber(trigger("job/f/job/broken/build"));
    JsonNode build = finished("job/f/job/broken", first);
    assertThat(build.path("result").asText()).isEqualTo("FAILURE");
    String console = api.get("job/f/job/broken/" + first + "/consoleText").body();
    assertThat(console).contains("before").doesNotContain("never").contains("Finished: FAILURE");
    assertThat(api.json("job/f/job/broken/api/json").path("color").asText()).isEqualTo("red");

    int second = buildNumber(trigger("job/f/job/broken/build"));
    assertThat(second).isEqualTo(first + 1);
    assertThat(server.activities.list(ActivityFilter.all()))
        .allSatisfy(a -> assertThat(a.repo()).isEqualTo("f:broken"));
  }

  @Test
  void progressiveTextGrowsByOffsetsAndStopAbortsTheBuild() throws Exception {
    api.post("createItem?name=slow", Fixtures.freestyle(
        "echo started; while [ ! -f never ]; do sleep 0.1; done"));
    int number = buildNumber(trigger("job/slow/build"));
    await().atMost(WAIT).until(() ->
        api.get("job/slow/" + number + "/consoleText").body().contains("started"));

    HttpResponse<String> part = api.get("job/slow/" + number + "/logText/progressiveText?start=0");
    assertThat(part.headers().firstValue("X-More-Data")).hasValue("true");
    long size = Long.parseLong(part.headers().firstValue("X-Text-Size").orElseThrow());
    assertThat(part.body().getBytes(StandardCharsets.UTF_8)).hasSize((int) size);

    assertThat(api.post("job/slow/" + number + "/stop", "").statusCode()).isEqualTo(200);
    JsonNode build = finished("job/slow", number);
    assertThat(build.path("result").asText()).isEqualTo("ABORTED");

    HttpResponse<String> rest =
        api.get("job/slow/" + number + "/logText/progressiveText?start=" + size);
    assertThat(rest.headers().firstValue("X-More-Data")).isEmpty();
    String whole = api.get("job/slow/" + number + "/consoleText").body();
    assertThat(part.body() + rest.body()).isEqualTo(whole);
    assertThat(whole).endsWith("Finished: ABORTED\n");
  }

  @Test
  void aFolderIsNotBuiltAndAnUnknownBuildIs404() throws Exception {
    api.post("createItem?name=f", Fixtures.job("folder.xml"));
    assertThat(api.post("job/f/build", "").statusCode()).isEqualTo(400);
    api.post("createItem?name=j", Fixtures.freestyle("true"));
    assertThat(api.get("job/j/7/api/json").statusCode()).isEqualTo(404);
    assertThat(api.get("queue/item/999/api/json").statusCode()).isEqualTo(404);
    assertThat(api.get("job/j/build").statusCode()).isEqualTo(405);
  }
}
