package io.jxengine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.activity.ActivityStore;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What the server's durable intake ({@link DeliveryStore}) and run queue ({@link RunQueue}) must
 * do, whatever keeps them: run by {@code SqliteServerStoreIT} and {@code KubeServerStoreIT}, each
 * setting {@link #deliveries}, {@link #queue} and {@link #activities} on one shared state.
 */
public abstract class ServerStoreContract {
  protected DeliveryStore deliveries;
  protected RunQueue queue;
  protected ActivityStore activities;

  /** A second client of the same state (another connection, another replica). */
  protected interface Other extends AutoCloseable {
    RunQueue queue();

    @Override
    void close();
  }

  protected abstract Other openOther();

  public static NewDelivery delivery(String id) {
    return new NewDelivery(ProviderKind.GITHUB, id, "push", Map.of("X-GitHub-Event", "push"),
        "{}".getBytes(StandardCharsets.UTF_8), 1, "ping", "{}");
  }

  public static QueuedRun run(String key, Integer pull) {
    RunContext ctx = new RunContext("acme", "widget", pull == null ? "main" : "PR-" + pull, null,
        "push", "https://x/acme/widget.git", "a".repeat(40), "msg", "jane", pull, null, null,
        null, null, "postsubmit", List.of("a.txt"));
    return new QueuedRun(1, key, "ci", "native", "name: ci\n", ctx, "/tmp/origin",
        "a".repeat(40), true, "jx-engine/ci");
  }

  @Test
  void aDeliveryIsStoredOncePerProviderAndId() {
    DeliveryStore.Stored first = deliveries.store(delivery("d-1"));
    DeliveryStore.Stored again = deliveries.store(delivery("d-1"));
    DeliveryStore.Stored gitlab = deliveries.store(new NewDelivery(ProviderKind.GITLAB, "d-1", "push",
        Map.of(), new byte[0], 1, "ping", "{}"));

    assertThat(first.duplicate()).isFalse();
    assertThat(again).isEqualTo(new DeliveryStore.Stored(first.id(), true));
    assertThat(gitlab.duplicate()).isFalse();
    assertThat(deliveries.deliveriesByState()).containsEntry(DeliveryState.received, 2L);
  }

  @Test
  void claimsAreOldestFirstAndOnceEach() {
    deliveries.store(delivery("d-1"));
    deliveries.store(delivery("d-2"));

    Delivery a = deliveries.claimNext().orElseThrow();
    Delivery b = deliveries.claimNext().orElseThrow();

    assertThat(a.deliveryId()).isEqualTo("d-1");
    assertThat(b.deliveryId()).isEqualTo("d-2");
    assertThat(a.state()).isEqualTo(DeliveryState.processing);
    assertThat(a.attempts()).isEqualTo(1);
    assertThat(deliveries.claimNext()).isEmpty();

    deliveries.finish(a.id(), DeliveryState.done, null, "queued 1");
    assertThat(deliveries.requeueProcessing()).isEqualTo(1);
    assertThat(deliveries.claimNext().orElseThrow().id()).isEqualTo(b.id());
    assertThat(deliveries.getDelivery(a.id()).orElseThrow().note()).isEqualTo("queued 1");
  }

  @Test
  void aTriggerKeyIsQueuedOnceAndItsSpecReadsBack() {
    RunQueue.Enqueued first = queue.enqueue(run("d-1/ci", null));
    RunQueue.Enqueued again = queue.enqueue(run("d-1/ci", null));

    assertThat(first.created()).isTrue();
    assertThat(again).isEqualTo(new RunQueue.Enqueued(first.activityId(), false));
    assertThat(queue.spec(first.activityId())).contains(run("d-1/ci", null));
    var activity = activities.get(first.activityId()).orElseThrow();
    assertThat(activity.status()).isEqualTo(Status.Pending);
    assertThat(activity.context()).isEqualTo("ci");
    assertThat(activity.build()).isEqualTo(1);
    assertThat(queue.unclaimed()).containsExactly(first.activityId());
  }

  @Test
  void concurrentEnqueuesOfOneKeyFromTwoConnectionsMakeOneActivity() throws Exception {
    try (Other other = openOther()) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Callable<RunQueue.Enqueued>> calls = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        RunQueue s = i % 2 == 0 ? queue : other.queue();
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
    long a = queue.enqueue(run("k-a", null)).activityId();
    long b = queue.enqueue(run("k-b", null)).activityId();

    assertThat(queue.claim(a, 42, 1)).isTrue();
    assertThat(queue.claim(a, 43, 1)).isFalse();
    assertThat(queue.abortUnclaimed(a, "stop")).isFalse();
    assertThat(queue.abortUnclaimed(b, "stop")).isTrue();
    assertThat(queue.claim(b, 42, 1)).isFalse();
    assertThat(activities.get(b).orElseThrow().status()).isEqualTo(Status.Aborted);
    assertThat(queue.unclaimed()).isEmpty();
    assertThat(queue.activitiesByStatus())
        .containsEntry(Status.Pending, 1L).containsEntry(Status.Aborted, 1L);
  }

  @Test
  void unfinishedBuildsOfAPullRequestAndPipeline() {
    long one = queue.enqueue(run("k-1", 7)).activityId();
    long two = queue.enqueue(run("k-2", 7)).activityId();
    queue.enqueue(run("k-3", 8));
    queue.abortUnclaimed(one, "stop");

    assertThat(queue.unfinished("acme", "widget", 7, "ci")).containsExactly(two);
    assertThat(queue.unfinished("acme", "widget", 7, "release")).isEmpty();
  }
}
