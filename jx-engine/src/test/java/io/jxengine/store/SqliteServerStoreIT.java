package io.jxengine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.activity.Status;
import io.jxengine.engine.RunContext;
import io.jxengine.scm.ProviderKind;
import io.jxengine.server.queue.Delivery;
import io.jxengine.server.queue.DeliveryState;
import io.jxengine.server.queue.DeliveryStore;
import io.jxengine.server.queue.NewDelivery;
import io.jxengine.server.runs.QueuedRun;
import io.jxengine.server.runs.RunQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteServerStoreIT {
  @TempDir Path tmp;
  SqliteServerStore store;
  SqliteActivityStore activities;

  @BeforeEach
  void open() {
    store = SqliteServerStore.open(tmp.resolve("jxe.db"));
    activities = SqliteActivityStore.open(tmp.resolve("jxe.db"));
  }

  @AfterEach
  void close() {
    store.close();
    activities.close();
  }

  static NewDelivery delivery(String id) {
    return new NewDelivery(ProviderKind.GITHUB, id, "push", Map.of("X-GitHub-Event", "push"),
        "{}".getBytes(StandardCharsets.UTF_8), 1, "ping", "{}");
  }

  static QueuedRun run(String key, Integer pull) {
    RunContext ctx = new RunContext("acme", "widget", pull == null ? "main" : "PR-" + pull, null,
        "push", "https://x/acme/widget.git", "a".repeat(40), "msg", "jane", pull, null, null,
        null, null, "postsubmit", List.of("a.txt"));
    return new QueuedRun(1, key, "ci", "native", "name: ci\n", ctx, "/tmp/origin",
        "a".repeat(40), true, "jx-engine/ci");
  }

  @Test
  void aDeliveryIsStoredOncePerProviderAndId() {
    DeliveryStore.Stored first = store.store(delivery("d-1"));
    DeliveryStore.Stored again = store.store(delivery("d-1"));
    DeliveryStore.Stored gitlab = store.store(new NewDelivery(ProviderKind.GITLAB, "d-1", "push",
        Map.of(), new byte[0], 1, "ping", "{}"));

    assertThat(first.duplicate()).isFalse();
    assertThat(again).isEqualTo(new DeliveryStore.Stored(first.id(), true));
    assertThat(gitlab.duplicate()).isFalse();
    assertThat(store.deliveriesByState()).containsEntry(DeliveryState.received, 2L);
  }

  @Test
  void claimsAreOldestFirstAndOnceEach() {
    store.store(delivery("d-1"));
    store.store(delivery("d-2"));

    Delivery a = store.claimNext().orElseThrow();
    Delivery b = store.claimNext().orElseThrow();

    assertThat(a.deliveryId()).isEqualTo("d-1");
    assertThat(b.deliveryId()).isEqualTo("d-2");
    assertThat(a.state()).isEqualTo(DeliveryState.processing);
    assertThat(a.attempts()).isEqualTo(1);
    assertThat(store.claimNext()).isEmpty();

    store.finish(a.id(), DeliveryState.done, null, "queued 1");
    assertThat(store.requeueProcessing()).isEqualTo(1);
    assertThat(store.claimNext().orElseThrow().id()).isEqualTo(b.id());
    assertThat(store.getDelivery(a.id()).orElseThrow().note()).isEqualTo("queued 1");
  }

  @Test
  void aTriggerKeyIsQueuedOnceAndItsSpecReadsBack() {
    RunQueue.Enqueued first = store.enqueue(run("d-1/ci", null));
    RunQueue.Enqueued again = store.enqueue(run("d-1/ci", null));

    assertThat(first.created()).isTrue();
    assertThat(again).isEqualTo(new RunQueue.Enqueued(first.activityId(), false));
    assertThat(store.spec(first.activityId())).contains(run("d-1/ci", null));
    var activity = activities.get(first.activityId()).orElseThrow();
    assertThat(activity.status()).isEqualTo(Status.Pending);
    assertThat(activity.context()).isEqualTo("ci");
    assertThat(activity.build()).isEqualTo(1);
    assertThat(store.unclaimed()).containsExactly(first.activityId());
  }

  @Test
  void concurrentEnqueuesOfOneKeyFromTwoConnectionsMakeOneActivity() throws Exception {
    try (SqliteServerStore other = SqliteServerStore.open(tmp.resolve("jxe.db"))) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Callable<RunQueue.Enqueued>> calls = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        SqliteServerStore s = i % 2 == 0 ? store : other;
        calls.add(() -> s.enqueue(run("d-9/ci", null)));
      }
      Set<Long> ids = new HashSet<>();
      int created = 0;
      for (Future<RunQueue.Enqueued> f : pool.invokeAll(calls)) {
        ids.add(f.get().activityId());
        created += f.get().created() ? 1 : 0;
      }
      pool.shutdown();
      assertThat(ids).hasSize(1);
      assertThat(created).isEqualTo(1);
    }
  }

  @Test
  void aQueuedRunIsClaimedOnceAndCanOnlyBeAbortedBeforeItIsClaimed() {
    long a = store.enqueue(run("k-a", null)).activityId();
    long b = store.enqueue(run("k-b", null)).activityId();

    assertThat(store.claim(a, 42, 1)).isTrue();
    assertThat(store.claim(a, 43, 1)).isFalse();
    assertThat(store.abortUnclaimed(a, "stop")).isFalse();
    assertThat(store.abortUnclaimed(b, "stop")).isTrue();
    assertThat(store.claim(b, 42, 1)).isFalse();
    assertThat(activities.get(b).orElseThrow().status()).isEqualTo(Status.Aborted);
    assertThat(store.unclaimed()).isEmpty();
    assertThat(store.activitiesByStatus())
        .containsEntry(Status.Pending, 1L).containsEntry(Status.Aborted, 1L);
  }

  @Test
  void unfinishedBuildsOfAPullRequestAndPipeline() {
    long one = store.enqueue(run("k-1", 7)).activityId();
    long two = store.enqueue(run("k-2", 7)).activityId();
    store.enqueue(run("k-3", 8));
    store.abortUnclaimed(one, "stop");

    assertThat(store.unfinished("acme", "widget", 7, "ci")).containsExactly(two);
    assertThat(store.unfinished("acme", "widget", 7, "release")).isEmpty();
  }
}
