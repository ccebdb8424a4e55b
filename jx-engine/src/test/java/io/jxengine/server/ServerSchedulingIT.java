package io.jxengine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The global run limit, superseded pull-request builds, stop and re-run. */
class ServerSchedulingIT {
  @TempDir Path tmp;
  ServerHarness h;
  Path origin;
  Path gate;
  RevCommit first;

  @BeforeEach
  void setUp() throws Exception {
    gate = tmp.resolve("gate");
    // Each run waits until the test opens the gate, so the test decides when runs end.
    String pipeline = """
        name: ci
        stages:
          - name: build
            steps:
              - name: wait
                run: while [ ! -f '%s' ]; do sleep 0.05; done
        """.formatted(gate);
    h = new ServerHarness(tmp, pipeline);
    origin = tmp.resolve("origin");
    first = ServerHarness.commit(origin, "first");
    h.registerGitHub(origin);
  }

  @AfterEach
  void tearDown() throws Exception {
    Files.writeString(gate, "open");
    h.close();
  }

  private void push(String delivery) throws Exception {
    byte[] body = h.pushPayload(origin.toUri().toString(), ServerWebhookIT.ZEROS, first.getName());
    assertThat(h.postGitHub("push", delivery, body, true).statusCode()).isEqualTo(202);
  }

  private long count(Status status) {
    return h.activities().stream().filter(a -> a.status() == status).count();
  }

  @Test
  void noMoreThanMaxRunsRunAtOnceAndTheRestWaitInOrder() throws Exception {
    h.start(ServerConfig.loopback(0).withMaxRuns(2));
    AtomicInteger mostRunning = new AtomicInteger();
    for (int i = 1; i <= 5; i++) {
      push("d-" + i);
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> {
      mostRunning.accumulateAndGet((int) count(Status.Running), Math::max);
      return count(Status.Running) == 2 && count(Status.Pending) == 3;
    });
    // The limit holds while they wait: sample a while, then let them go.
    for (int i = 0; i < 20; i++) {
      mostRunning.accumulateAndGet((int) count(Status.Running), Math::max);
      Thread.sleep(25);
    }
    assertThat(h.server.scheduler().waiting()).isEqualTo(3);
    List<Long> runningFirst = h.activities().stream()
        .filter(a -> a.status() == Status.Running).map(Activity::id).sorted().toList();
    Files.writeString(gate, "open");
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      mostRunning.accumulateAndGet((int) count(Status.Running), Math::max);
      return count(Status.Succeeded) == 5;
    });

    assertThat(mostRunning.get()).isEqualTo(2);
    // FIFO: the first two queued are the first two that ran.
    List<Long> all = h.activities().stream().map(Activity::id).sorted().toList();
    assertThat(runningFirst).isEqualTo(all.subList(0, 2));
  }

  @Test
  void aNewerPushToAPullRequestCancelsItsRunningBuild() throws Exception {
    h.start(ServerConfig.loopback(0));
    RevCommit second = ServerHarness.commit(origin, "second");
    String url = origin.toUri().toString();
    assertThat(h.postGitHub("pull_request", "pr-1",
        h.pullRequestPayload(url, 7, "opened", first.getName()), true).statusCode())
        .isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> count(Status.Running) == 1);

    assertThat(h.postGitHub("pull_request", "pr-2",
        h.pullRequestPayload(url, 7, "synchronize", second.getName()), true).statusCode())
        .isEqualTo(202);

    await().atMost(Duration.ofSeconds(30)).until(
        () -> count(Status.Aborted) == 1 && count(Status.Running) == 1);
    Activity superseded = h.activities().stream()
        .filter(a -> a.status() == Status.Aborted).findFirst().orElseThrow();
    assertThat(superseded.commitSha()).isEqualTo(first.getName());
    assertThat(superseded.message()).contains("superseded");
    Files.writeString(gate, "open");
    await().atMost(Duration.ofSeconds(30)).until(() -> count(Status.Succeeded) == 1);
    Activity newer = h.activities().stream()
        .filter(a -> a.status() == Status.Succeeded).findFirst().orElseThrow();
    assertThat(newer.commitSha()).isEqualTo(second.getName());
  }

  @Test
  void stopEndsARunningAndAQueuedBuildAndRerunRunsTheSameSpecAgain() throws Exception {
    h.start(ServerConfig.loopback(0).withMaxRuns(1));
    push("d-1");
    push("d-2");
    await().atMost(Duration.ofSeconds(30)).until(
        () -> count(Status.Running) == 1 && count(Status.Pending) == 1);
    Activity running = h.activities().stream()
        .filter(a -> a.status() == Status.Running).findFirst().orElseThrow();
    Activity queued = h.activities().stream()
        .filter(a -> a.status() == Status.Pending).findFirst().orElseThrow();
    RunControl control = h.server.runControl();

    assertThat(control.stop(queued.id())).isTrue();
    assertThat(control.stop(running.id())).isTrue();

    await().atMost(Duration.ofSeconds(30)).until(() -> count(Status.Aborted) == 2);
    assertThat(control.stop(running.id())).isFalse();
    assertThatThrownBy(() -> control.stop(424242)).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> control.rerun(424242)).isInstanceOf(NoSuchElementException.class);

    Files.writeString(gate, "open");
    long again = control.rerun(running.id());
    await().atMost(Duration.ofSeconds(30)).until(
        () -> h.activities.get(again).orElseThrow().status() == Status.Succeeded);
    Activity rerun = h.activities.get(again).orElseThrow();
    assertThat(rerun.commitSha()).isEqualTo(running.commitSha());
    assertThat(rerun.context()).isEqualTo(running.context());
    assertThat(rerun.build()).isGreaterThan(running.build());
  }
}
