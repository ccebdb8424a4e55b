package io.jxengine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's own surface: help, completion, listings, logs (also followed while running). */
class CliE2E {
  @TempDir Path home;

  @Test
  void helpListsEveryCommandAndTheExitCodes() throws Exception {
    Jxe.Result r = new Jxe(home).run("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("run", "lint", "effective", "get", "stop", "completion", "Exit codes");
    for (String cmd : new String[] {"run", "lint", "effective", "stop"}) {
      assertThat(new Jxe(home).run(cmd, "--help").exitCode()).isZero();
    }
    assertThat(new Jxe(home).run("get", "build", "logs", "--help").exitCode()).isZero();
  }

  @Test
  void unknownOptionIsAUsageError() throws Exception {
    Jxe.Result r = new Jxe(home).run("run", "--no-such-option");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.all()).doesNotContain("Exception");
  }

  @Test
  void completionScriptIsGenerated() throws Exception {
    Jxe.Result r = new Jxe(home).run("completion");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("complete -F").contains("activities");
  }

  @Test
  void listingsAndLogsOfAFinishedBuild() throws Exception {
    Jxe jxe = new Jxe(home);
    assertThat(jxe.run("run", "pipelines/examples/hello").exitCode()).isZero();
    assertThat(jxe.run("run", "pipelines/examples/hello").exitCode()).isZero();

    Jxe.Result table = jxe.run("get", "activities");
    assertThat(table.out()).contains("STEP", "STARTED AGO", "DURATION", "STATUS");
    assertThat(table.out()).containsPattern("#2 .*Succeeded").containsPattern("#1 .*Succeeded");
    assertThat(table.out()).contains("Stage unit-tests").contains("compile");
    assertThat(jxe.run("get", "activities", "-o", "wide").out()).contains("context=hello");
    assertThat(jxe.run("get", "activities", "-o", "yaml").out()).contains("status: Succeeded");

    Jxe.Result logs = jxe.run("get", "build", "logs", "#1");
    assertThat(logs.exitCode()).as(logs.all()).isZero();
    assertThat(logs.out()).contains("Showing logs for build").contains("#1")
        .contains("hello from").contains("pipeline hello succeeded");
    Jxe.Result missing = jxe.run("get", "build", "logs", "#99");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("no build");
  }

  @Test
  void watchPrintsActivitiesAsTheyChange() throws Exception {
    Jxe jxe = new Jxe(home);
    Process watch = jxe.start("get", "activities", "-w");
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> jxe.output(watch).contains("STARTED AGO"));
      assertThat(jxe.run("run", "pipelines/examples/hello").exitCode()).isZero();
      await().atMost(Duration.ofSeconds(30))
          .until(() -> jxe.output(watch).matches("(?s).*#1 .*Succeeded.*"));
      assertThat(watch.isAlive()).isTrue();
    } finally {
      watch.destroy();
      watch.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void followStreamsLinesWhileTheBuildRuns() throws Exception {
    Path repo = home.resolve("repo");
    int seconds = Repos.writeLongRunning(repo);
    Jxe jxe = new Jxe(home);
    Process run = jxe.start("run", repo.toString());
    await().atMost(Duration.ofSeconds(90)).until(() -> jxe.output(run).contains("started"));
    Process follow = jxe.start("get", "build", "logs", "-f");
    await().atMost(Duration.ofSeconds(30)).until(() -> jxe.output(follow).contains("[wait/sleeper] started"));
    assertThat(follow.isAlive()).isTrue();
    assertThat(jxe.run("stop").exitCode()).isZero();
    assertThat(follow.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(jxe.output(follow)).contains("Aborted");
    run.waitFor(30, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> !Repos.sleeperAlive(seconds));
  }
}
