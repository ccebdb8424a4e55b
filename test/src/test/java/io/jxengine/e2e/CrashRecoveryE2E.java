package io.jxengine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `kill -9` of a `jxe run` in flight: the next command marks the run as Error (not Running
 * forever) and ends the step processes it left behind.
 */
class CrashRecoveryE2E {
  @TempDir Path home;
  @TempDir Path repo;

  @Test
  void killedRunIsMarkedAndItsProcessesEnded() throws Exception {
    int seconds = Repos.writeLongRunning(repo);
    Jxe jxe = new Jxe(home);
    Process run = jxe.start("run", repo.toString());
    await().atMost(Duration.ofSeconds(90)).until(() -> jxe.output(run).contains("started"));
    assertThat(Repos.sleeperAlive(seconds)).isTrue();

    run.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to record anything
    run.waitFor();

    Jxe.Result get = jxe.run("get", "activities", "-o", "json");
    JsonNode a = new ObjectMapper().readTree(get.out()).get(0);
    assertThat(a.get("status").asText()).isEqualTo("Error");
    assertThat(a.get("message").asText()).contains("pid " + run.pid());
    assertThat(a.get("completed").isNull()).isFalse();
    await().atMost(Duration.ofSeconds(20)).until(() -> !Repos.sleeperAlive(seconds));
  }
}
