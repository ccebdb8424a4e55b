package io.jxengine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jxengine.activity.Status;
import io.jxengine.server.queue.Delivery;
import io.jxengine.server.queue.DeliveryState;
import io.jxengine.server.repos.Repository;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine stopping between its answer and the run: each crash point, then a new server on the
 * same home, gives exactly one run.
 */
class ServerRestartIT {
  @TempDir Path tmp;
  ServerHarness h;
  Path origin;
  RevCommit head;
  Repository repo;

  @BeforeEach
  void setUp() throws Exception {
    h = new ServerHarness(tmp, ServerWebhookIT.PIPELINE);
    origin = tmp.resolve("origin");
    head = ServerHarness.commit(origin, "first");
    repo = h.registerGitHub(origin);
    // A server whose worker never runs: the delivery is stored and answered, nothing more.
    h.start(ServerConfig.loopback(0).withWorkers(0));
    byte[] body = h.pushPayload(origin.toUri().toString(), ServerWebhookIT.ZEROS, head.getName());
    assertThat(h.postGitHub("push", "d-crash", body, true).statusCode()).isEqualTo(202);
    assertThat(h.count("deliveries")).isEqualTo(1);
    assertThat(h.count("activities")).isZero();
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void storedButUnhandledDeliveryRunsOnceAfterRestart() throws Exception {
    h.stop();

    h.start(ServerConfig.loopback(0));

    awaitOneFinishedRun();
  }

  @Test
  void deliveryLeftProcessingIsHandledAgainOnce() throws Exception {
    // The worker had claimed it when the engine died.
    Delivery claimed = h.serverStore.claimNext().orElseThrow();
    assertThat(claimed.state()).isEqualTo(DeliveryState.processing);
    h.stop();

    h.start(ServerConfig.loopback(0));

    awaitOneFinishedRun();
    assertThat(h.serverStore.getDelivery(claimed.id()).orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void runQueuedButNotStartedRunsOnceAfterRestart() throws Exception {
    // The worker had queued the run (activity + spec) but died before marking the delivery done
    // and before the scheduler started it.
    Delivery claimed = h.serverStore.claimNext().orElseThrow();
    var intent = h.planner.plan(repo,
        io.jxengine.server.queue.GitEventCodec.decode(claimed.eventKind(), claimed.eventJson()),
        claimed.deliveryId()).runs().get(0);
    h.server.scheduler().queue(io.jxengine.server.queue.DeliveryWorkerAccess.queuedRun(repo, intent));
    assertThat(h.count("activities")).isEqualTo(1);
    h.stop();

    h.start(ServerConfig.loopback(0));

    awaitOneFinishedRun();
  }

  @Test
  void restartingAgainAfterTheRunRunsNothingNew() throws Exception {
    h.restart(ServerConfig.loopback(0));
    awaitOneFinishedRun();

    h.restart(ServerConfig.loopback(0));
    byte[] body = h.pushPayload(origin.toUri().toString(), ServerWebhookIT.ZEROS, head.getName());
    assertThat(h.postGitHub("push", "d-crash", body, true).statusCode()).isEqualTo(200);

    assertThat(h.count("activities")).isEqualTo(1);
    assertThat(h.server.scheduler().waiting()).isZero();
  }

  private void awaitOneFinishedRun() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(
        () -> h.serverStore.deliveriesByState().getOrDefault(DeliveryState.done, 0L) == 1L
            && !h.activities().isEmpty()
            && h.activities().stream().allMatch(a -> a.status().isTerminal()));
    assertThat(h.activities()).hasSize(1);
    assertThat(h.activities().get(0).status()).isEqualTo(Status.Succeeded);
    assertThat(h.count("deliveries")).isEqualTo(1);
  }
}
