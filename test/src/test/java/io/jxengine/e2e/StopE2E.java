package io.jxengine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `jxe stop` ends a running build's process tree and the run is recorded as Aborted. */
class StopE2E {
  @TempDir Path home;
  @TempDir Path repo;

  @Test
  void stopAbortsTheRunningBuild() throws Exception {
    int seconds = Repos.writeLongRunning(repo);
    Jxe jxe = new Jxe(home);
    Process run = jxe.start("run", repo.toString());
    await().atMost(Duration.ofSeconds(90)).until(() -> jxe.output(run).contains("started"));

    Jxe.Result stop = jxe.run("stop");
    assertThat(stop.exitCode()).as(stop.all()).isZero();
    assertThat(stop.out()).contains("Aborted");

    assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).isEqualTo(3);
    await().atMost(Duration.ofSeconds(10)).until(() -> !Repos.sleeperAlive(seconds));

    JsonNode a = new ObjectMapper().readTree(jxe.run("get", "activities", "-o", "json").out()).get(0);
    assertThat(a.get("status").asText()).isEqualTo("Aborted");
    JsonNode step = null;
    for (JsonNode s : a.get("steps")) {
      if (s.get("name").asText().equals("sleeper")) {
        step = s;
      }
    }
    assertThat(step).isNotNull();
    assertThat(step.get("status").asText()).isEqualTo("Aborted");
  }

  @Test
  void stopWithNothingRunningIsAClearMessage() throws Exception {
    Jxe.Result stop = new Jxe(home).run("stop");
    assertThat(stop.exitCode()).isEqualTo(1);
    assertThat(stop.err()).contains("no running builds");
    assertThat(stop.all()).doesNotContain("Exception");
  }
}
