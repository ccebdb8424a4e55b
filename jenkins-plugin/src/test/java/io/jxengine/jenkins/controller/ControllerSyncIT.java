package io.jxengine.jenkins.controller;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepRecord;
import io.jxengine.logs.FileLogStore;
import io.jxengine.logs.LogLine;
import io.jxengine.secrets.LocalSecretProvider;
import io.jxengine.store.SqliteActivityStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Imports from a recorded Jenkins controller into a real SQLite store and log files. */
class ControllerSyncIT {
  @RegisterExtension
  static WireMockExtension jenkins =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;
  private SqliteActivityStore store;
  private FileLogStore logs;
  private ControllerSync sync;
  private Controller ci;

  @BeforeEach
  void setUp() {
    store = SqliteActivityStore.open(dir.resolve("jxe.db"));
    logs = new FileLogStore(dir.resolve("logs"));
    sync = new ControllerSync(store, logs, new LocalSecretProvider(List.of(),
        Map.of("JXE_SECRET_JENKINS_CI_TOKEN", JenkinsFixtures.TOKEN)));
    ci = JenkinsFixtures.controller("ci", jenkins);
    JenkinsFixtures.serveController(jenkins);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void importsEveryJobsBuildsWithStatusTimesLinkStagesAndConsole() throws IOException {
    ControllerSync.Result result = sync.sync(ci, 20);

    assertThat(result.errors()).isEmpty();
    assertThat(result.jobs()).isEqualTo(3);
    assertThat(result.created()).isEqualTo(4);
    List<Activity> imported = store.list(new ActivityFilter(null, null, null, null, "jenkins", 0));
    assertThat(imported).extracting(Activity::displayName).containsExactlyInAnyOrder(
        "ci/hello/main #1", "ci/hello/default #2", "ci/team/app/default #7",
        "ci/team/service/main #1");

    Activity hello1 = store.find("ci", "hello", "main", 1).orElseThrow();
    assertThat(hello1.status()).isEqualTo(Status.Succeeded);
    assertThat(hello1.source()).isEqualTo("jenkins");
    assertThat(hello1.event()).isEqualTo("manual");
    assertThat(hello1.author()).isEqualTo("alice");
    assertThat(hello1.commitSha()).isEqualTo("4b825dc642cb6eb9a060e54bf8d69288fbee4904");
    assertThat(hello1.gitUrl()).isEqualTo("https://git.example.com/acme/hello.git");
    assertThat(hello1.started()).isEqualTo(Instant.ofEpochMilli(1764489600000L));
    assertThat(hello1.completed()).isEqualTo(Instant.ofEpochMilli(1764489600000L + 12500));
    assertThat(hello1.buildUrl()).isEqualTo(jenkins.baseUrl() + "/job/hello/1/");
    // a freestyle job has no stage data: only the console, and its stage data is not asked for
    assertThat(hello1.steps()).extracting(StepRecord::name).containsExactly("Console", "console");
    assertThat(consoleOf(hello1)).extracting(LogLine::text)
        .contains("hello world", "Finished: SUCCESS")
        .doesNotContain("");
    jenkins.verify(0, getRequestedFor(urlPathEqualTo("/job/hello/1/wfapi/describe")));

    Activity hello2 = store.find("ci", "hello", "default", 2).orElseThrow();
    assertThat(hello2.status()).isEqualTo(Status.Failed);
    assertThat(hello2.message()).isEqualTo("Jenkins result FAILURE");
    assertThat(hello2.event()).isEqualTo("cron");

    Activity service = store.find("ci", "team/service", "main", 1).orElseThrow();
    assertThat(service.status()).isEqualTo(Status.Failed);
    assertThat(service.message()).contains("UNSTABLE");
    assertThat(service.buildUrl()).endsWith("/job/team/job/service/job/main/1/");
    assertThat(stages(service)).extracting(StepRecord::name, StepRecord::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Test", Status.Failed),
            org.assertj.core.groups.Tuple.tuple("Console", Status.Failed));

    // every request carried the user's API token, never a session
    jenkins.verify(getRequestedFor(urlPathEqualTo("/api/json"))
        .withHeader("Authorization", equalTo(JenkinsFixtures.AUTH))
        .withQueryParam("tree", equalTo("jobs[name,color,jobs[name]]")));
    jenkins.verify(getRequestedFor(urlPathEqualTo("/job/hello/api/json"))
        .withQueryParam("tree", equalTo("builds[number]{0,20}")));
  }

  @Test
  void aRunningBuildIsImportedRunningAndCompletedByALaterSync() throws IOException {
    sync.sync(ci, 20);
    Activity running = store.find("ci", "team/app", "default", 7).orElseThrow();
    assertThat(running.status()).isEqualTo(Status.Running);
    assertThat(running.completed()).isNull();
    assertThat(stages(running)).extracting(StepRecord::name, StepRecord::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Checkout", Status.Succeeded),
        org.assertj.core.groups.Tuple.tuple("Build", Status.Running));
    jenkins.verify(0, getRequestedFor(urlPathEqualTo("/job/team/job/app/7/consoleText")));

    JenkinsFixtures.serveAppBuild(jenkins, true);
    ControllerSync.Result second = sync.sync(ci, 20);

    assertThat(second.created()).isZero();
    assertThat(second.updated()).isEqualTo(1);
    assertThat(second.unchanged()).isEqualTo(3);
    Activity done = store.get(running.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(Status.Succeeded);
    assertThat(done.completed()).isEqualTo(Instant.ofEpochMilli(1764496800000L + 95000));
    assertThat(stages(done)).extracting(StepRecord::name, StepRecord::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Checkout", Status.Succeeded),
        org.assertj.core.groups.Tuple.tuple("Build", Status.Succeeded),
        org.assertj.core.groups.Tuple.tuple("Test", Status.Succeeded),
        org.assertj.core.groups.Tuple.tuple("Console", Status.Succeeded));
    StepRecord build = stages(done).get(1);
    assertThat(build.completed()).isEqualTo(Instant.ofEpochMilli(1764496805300L + 60000));
    assertThat(consoleOf(done)).extracting(LogLine::text).contains("+ make test");
  }

  @Test
  void aResyncImportsNothingTwiceAndDoesNotAskForEndedBuildsAgain() {
    sync.sync(ci, 20);
    long activities = store.list(ActivityFilter.all()).size();

    ControllerSync.Result again = sync.sync(ci, 20);

    assertThat(again.errors()).isEmpty();
    assertThat(again.created()).isZero();
    assertThat(again.unchanged()).isEqualTo(3);
    assertThat(again.updated()).isEqualTo(1); // build 7 is still running
    assertThat(store.list(ActivityFilter.all())).hasSize((int) activities);
    jenkins.verify(1, getRequestedFor(urlPathEqualTo("/job/hello/1/api/json")));
    jenkins.verify(1, getRequestedFor(urlPathEqualTo("/job/hello/1/consoleText")));
    jenkins.verify(2, getRequestedFor(urlPathEqualTo("/job/team/job/app/7/api/json")));
  }

  @Test
  void theTokenNeverReachesTheLogs() throws IOException {
    jenkins.stubFor(com.github.tomakehurst.wiremock.client.WireMock
        .get(urlPathEqualTo("/job/hello/1/consoleText"))
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok(
            "curl -u alice:" + JenkinsFixtures.TOKEN + " https://example.com\nFinished: SUCCESS\n")));

    sync.sync(ci, 20);

    assertThat(consoleOf(store.find("ci", "hello", "main", 1).orElseThrow()))
        .extracting(LogLine::text)
        .containsExactly("curl -u alice:*** https://example.com", "Finished: SUCCESS");
  }

  @Test
  void theJobsFilterLimitsTheImport() {
    Controller onlyTeam = Controller.of("ci", jenkins.baseUrl(), JenkinsFixtures.USER,
        "jenkins-ci/token", List.of("team/**"));

    ControllerSync.Result result = sync.sync(onlyTeam, 20);

    assertThat(result.jobs()).isEqualTo(2);
    assertThat(store.list(ActivityFilter.all())).extracting(Activity::repo)
        .containsOnly("team/app", "team/service");
  }

  private static List<StepRecord> stages(Activity a) {
    return a.steps().stream().filter(s -> s.parentId() == null)
        .sorted(java.util.Comparator.comparingInt(StepRecord::ordinal)).toList();
  }

  private List<LogLine> consoleOf(Activity a) throws IOException {
    StepRecord step = a.steps().stream()
        .filter(s -> s.parentId() != null && s.name().equals("console")).findFirst().orElseThrow();
    return logs.read(a.id(), step.id(), 0);
  }
}
