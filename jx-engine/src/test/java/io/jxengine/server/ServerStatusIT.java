package io.jxengine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.scm.CommitStatus.State;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commit statuses sent to the provider, and the operations endpoints. */
class ServerStatusIT {
  static final String FAILING = """
      name: ci
      stages:
        - name: build
          steps:
            - name: broken
              run: exit 3
      """;

  @TempDir Path tmp;
  ServerHarness h;
  Path origin;
  RevCommit head;

  void start(String pipeline) throws Exception {
    h = new ServerHarness(tmp, pipeline);
    origin = tmp.resolve("origin");
    head = ServerHarness.commit(origin, "first");
    h.registerGitHub(origin);
    h.start(ServerConfig.loopback(0));
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  private Activity pushAndWait(String delivery) throws Exception {
    byte[] body = h.pushPayload(origin.toUri().toString(), ServerWebhookIT.ZEROS, head.getName());
    assertThat(h.postGitHub("push", delivery, body, true).statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(
        () -> !h.activities().isEmpty()
            && h.activities().stream().allMatch(a -> a.status().isTerminal()));
    return h.activities().get(0);
  }

  @Test
  void statusesArePendingQueuedThenRunningThenSuccessWithALinkToTheRun() throws Exception {
    start(ServerWebhookIT.PIPELINE);

    Activity a = pushAndWait("d-1");

    await().until(() -> h.provider.statuses.size() == 3);
    List<RecordingProvider.Sent> sent = h.provider.statusesOf(head.getName());
    assertThat(sent).extracting(s -> s.status().state())
        .containsExactly(State.PENDING, State.PENDING, State.SUCCESS);
    assertThat(sent).extracting(s -> s.status().description()).startsWith("queued", "running");
    assertThat(sent).allSatisfy(s -> {
      assertThat(s.status().context()).isEqualTo(FixedPlanner.STATUS_CONTEXT);
      assertThat(s.status().targetUrl()).isEqualTo(h.server.url() + "/runs/" + a.id());
      assertThat(s.repo().fullName()).isEqualTo("acme/widget");
    });
  }

  @Test
  void aFailingPipelineEndsWithAFailureStatus() throws Exception {
    start(FAILING);

    Activity a = pushAndWait("d-1");

    assertThat(a.status()).isEqualTo(Status.Failed);
    await().until(() -> h.provider.statuses.size() == 3);
    assertThat(h.provider.statuses.get(2).status().state()).isEqualTo(State.FAILURE);
  }

  @Test
  void aFailingProviderNeverFailsTheRunAndIsRecordedOnTheActivity() throws Exception {
    start(ServerWebhookIT.PIPELINE);
    h.provider.failing = true;

    Activity a = pushAndWait("d-1");

    assertThat(a.status()).isEqualTo(Status.Succeeded);
    // Recorded after the run ends.
    await().until(() -> h.activities.get(a.id()).orElseThrow().message().contains("commit status"));
    assertThat(h.activities.get(a.id()).orElseThrow().status()).isEqualTo(Status.Succeeded);
  }

  @Test
  void thePlannersRepliesArePostedThroughTheProvider() throws Exception {
    start(ServerWebhookIT.PIPELINE);
    var root = ServerHarness.JSON.createObjectNode().put("action", "created");
    root.putObject("repository").put("full_name", "acme/widget")
        .put("clone_url", origin.toUri().toString());
    root.putObject("issue").put("number", 7).putObject("pull_request").put("url", "x");
    root.putObject("comment").put("id", 99).put("body", "/test all")
        .putObject("user").put("login", "bob");

    assertThat(h.postGitHub("issue_comment", "c-1", ServerHarness.bytes(root), true).statusCode())
        .isEqualTo(202);

    await().atMost(Duration.ofSeconds(30)).until(() -> h.provider.comments.size() == 1);
    RecordingProvider.Comment c = h.provider.comments.get(0);
    assertThat(c.number()).isEqualTo(7);
    assertThat(c.marker()).isEqualTo("test-reply");
    assertThat(c.body()).isEqualTo("seen: /test all");
    assertThat(h.count("activities")).isZero();
  }

  @Test
  void healthReadinessAndMetrics() throws Exception {
    start(ServerWebhookIT.PIPELINE);
    pushAndWait("d-1");
    h.postGitHub("push", "d-unsigned", new byte[] {'{', '}'}, false);

    assertThat(h.get("/healthz").statusCode()).isEqualTo(200);
    assertThat(h.get("/readyz").statusCode()).isEqualTo(200);
    var metrics = h.get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("jxe_queue_depth ")
        .contains("jxe_runs{status=\"Succeeded\"} 1")
        .contains("jxe_webhook_handling_seconds_count")
        .contains("jxe_step_duration_seconds_count{status=\"Succeeded\"}")
        .contains("jxe_deliveries_total{result=\"accepted\"} 1")
        .contains("jxe_deliveries_total{result=\"rejected_");
  }
}
