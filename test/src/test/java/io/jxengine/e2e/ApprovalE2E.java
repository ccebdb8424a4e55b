package io.jxengine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A `jxe run` waits at an approval gate; `jxe approve` in another process decides it. */
class ApprovalE2E {
  @TempDir Path home;
  @TempDir Path repo;

  private Process startGatedRun(Jxe jxe) throws Exception {
    Files.createDirectories(repo.resolve(".jx"));
    Files.writeString(repo.resolve(".jx/pipeline.yaml"), """
        name: gated
        stages:
          - name: deploy
            steps:
              - name: go-live
                approval: {message: Ship it, ok: Ship, submitters: [alice]}
              - name: ship
                run: echo "shipping now"
        """);
    Process run = jxe.start("run", repo.toString());
    await().atMost(Duration.ofSeconds(90))
        .until(() -> jxe.output(run).contains("WaitingForApproval"));
    return run;
  }

  @Test
  void approveFromAnotherProcessResumesTheRun() throws Exception {
    Jxe jxe = new Jxe(home);
    Process run = startGatedRun(jxe);
    assertThat(jxe.output(run)).contains("waiting for approval: Ship it").doesNotContain("shipping now");
    assertThat(jxe.run("get", "activities").out()).contains("WaitingForApproval");

    Jxe.Result intruder = jxe.run("approve", "--as", "mallory");
    assertThat(intruder.exitCode()).as(intruder.all()).isEqualTo(1);
    assertThat(intruder.err()).contains("mallory").doesNotContain("Exception");

    Jxe.Result approve = jxe.run("approve", "--as", "alice");
    assertThat(approve.exitCode()).as(approve.all()).isZero();
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).isZero();
    assertThat(jxe.output(run)).contains("approved by alice").contains("shipping now");

    Jxe.Result nothing = jxe.run("approve");
    assertThat(nothing.exitCode()).isEqualTo(1);
    assertThat(nothing.err()).contains("no builds waiting for approval");
  }

  @Test
  void rejectEndsTheRunAborted() throws Exception {
    Jxe jxe = new Jxe(home);
    Process run = startGatedRun(jxe);
    Jxe.Result reject = jxe.run("approve", "--reject", "--as", "alice", "--step", "go-live");
    assertThat(reject.exitCode()).as(reject.all()).isZero();
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).isEqualTo(3);
    assertThat(jxe.output(run)).contains("rejected by alice").doesNotContain("shipping now");
  }
}
