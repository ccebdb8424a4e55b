package io.jxengine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import io.jxengine.activity.StepRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ActivityStore} must do, whatever keeps the records (an SQLite file, custom
 * resources in a cluster): run by each implementation's test ({@code SqliteActivityStoreIT},
 * {@code KubeActivityStoreIT}), which says how to open a store on shared state.
 */
public abstract class ActivityStoreContract {
  protected static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
  private static final int THREADS = 4;
  private static final int PER_THREAD = 10;

  protected ActivityStore store;
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  /** A new store on the same state as every other store this test opened (another process). */
  protected abstract ActivityStore open() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = open();
  }

  @AfterEach
  void closeStore() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(30, TimeUnit.SECONDS);
    store.close();
  }

  @Test
  void createKeepsEveryFieldAndStartsPending() {
    Activity a = store.create(Activities.pullRequest("acme", "api", 42));

    assertThat(a.id()).isPositive();
    assertThat(a.build()).isEqualTo(1);
    assertThat(a.status()).isEqualTo(Status.Pending);
    assertThat(a.pipeline()).isEqualTo("acme/api/PR-42");
    assertThat(a.pullNumber()).isEqualTo(42);
    assertThat(a.pullTitle()).isEqualTo("Add a feature");
    assertThat(a.baseSha()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
    assertThat(a.source()).isEqualTo("jenkinsfile");
    assertThat(a.event()).isEqualTo("pull_request");
    assertThat(a.author()).isEqualTo("alice");
    assertThat(a.started()).isNull();
    assertThat(a.completed()).isNull();
    assertThat(a.message()).isEmpty();
    assertThat(a.steps()).isEmpty();
    assertThat(store.get(a.id())).contains(a);
  }

  @Test
  void buildNumbersCountPerOwnerRepoBranch() {
    assertThat(store.create(Activities.of("acme", "api", "main")).build()).isEqualTo(1);
    assertThat(store.create(Activities.of("acme", "api", "main")).build()).isEqualTo(2);
    assertThat(store.create(Activities.of("acme", "api", "dev")).build()).isEqualTo(1);
    assertThat(store.create(Activities.of("acme", "web", "main")).build()).isEqualTo(1);
    assertThat(store.create(Activities.of("other", "api", "main")).build()).isEqualTo(1);
    assertThat(store.create(Activities.of("acme", "api", "main")).build()).isEqualTo(3);
  }

  @Test
  void findsByOwnerRepoBranchAndBuild() {
    store.create(Activities.of("acme", "api", "main"));
    Activity second = store.create(Activities.of("acme", "api", "main"));

    assertThat(store.find("acme", "api", "main", 2)).contains(second);
    assertThat(store.find("acme", "api", "main", 3)).isEmpty();
    assertThat(store.find("acme", "api", "dev", 2)).isEmpty();
    assertThat(store.get(9999)).isEmpty();
  }

  @Test
  void activityUpdatesKeepTimesAndMessageThatAreNotGiven() {
    Activity a = store.create(Activities.of("acme", "api", "main"));

    store.updateActivity(a.id(), Status.Running, T0, null, null);
    store.updateActivity(a.id(), Status.Failed, null, T0.plusSeconds(5), "step build failed");
    store.updateActivity(a.id(), Status.Failed, null, null, null);

    Activity done = store.get(a.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(Status.Failed);
    assertThat(done.started()).isEqualTo(T0);
    assertThat(done.completed()).isEqualTo(T0.plusSeconds(5));
    assertThat(done.message()).isEqualTo("step build failed");
  }

  @Test
  void stepsNestUnderStagesAndNullsKeepOldValues() {
    Activity a = store.create(Activities.of("acme", "api", "main"));
    StepRecord stage = store.addStep(a.id(), null, StepKind.Stage, "build", 0);
    StepRecord compile = store.addStep(a.id(), stage.id(), StepKind.Step, "compile", 0);
    StepRecord test = store.addStep(a.id(), stage.id(), StepKind.Step, "test", 1);

    store.updateStep(compile.id(), Status.Running, T0, null, null, 1, null);
    store.updateStep(compile.id(), Status.Failed, null, T0.plusMillis(1500), 2, 1, "exit 2");
    store.updateStep(compile.id(), Status.Running, null, null, null, 2, null);
    store.updateStep(compile.id(), Status.Succeeded, null, T0.plusMillis(3000), 0, 2, "");

    Activity read = store.get(a.id()).orElseThrow();
    assertThat(read.steps()).extracting(StepRecord::name).containsExactly("build", "compile",
        "test");
    assertThat(read.steps().get(0).parentId()).isNull();
    assertThat(read.steps().get(0).kind()).isEqualTo(StepKind.Stage);
    StepRecord c = read.steps().get(1);
    assertThat(c.parentId()).isEqualTo(stage.id());
    assertThat(c.status()).isEqualTo(Status.Succeeded);
    assertThat(c.started()).isEqualTo(T0);
    assertThat(c.completed()).isEqualTo(T0.plusMillis(3000));
    assertThat(c.exitCode()).isZero();
    assertThat(c.attempts()).isEqualTo(2);
    assertThat(c.message()).isEmpty();
    StepRecord t = read.steps().get(2);
    assertThat(t).isEqualTo(test);
    assertThat(t.ordinal()).isEqualTo(1);
    assertThat(t.status()).isEqualTo(Status.Pending);
    assertThat(t.exitCode()).isNull();
  }

  @Test
  void unknownIdsAreTheCallersBug() {
    Activity a = store.create(Activities.of("acme", "api", "main"));

    assertThatThrownBy(() -> store.addStep(999, null, StepKind.Stage, "x", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.addStep(a.id(), 999L, StepKind.Step, "x", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.updateStep(999, Status.Running, null, null, null, 1, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.updateActivity(999, Status.Running, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.requestStop(999)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.isStopRequested(999)).isFalse();
    assertThat(store.get(a.id()).orElseThrow().steps()).isEmpty();
  }

  @Test
  void stopRequestsAreVisibleToAnotherStore() throws Exception {
    Activity a = store.create(Activities.of("acme", "api", "main"));
    Activity b = store.create(Activities.of("acme", "api", "main"));
    try (ActivityStore runner = open()) {
      assertThat(runner.isStopRequested(a.id())).isFalse();

      store.requestStop(a.id());

      assertThat(runner.isStopRequested(a.id())).isTrue();
      assertThat(runner.isStopRequested(b.id())).isFalse();
    }
  }

  @Test
  void listIsNewestFirstWithStepsAndFilters() {
    Activity first = store.create(Activities.of("acme", "api", "main"));
    Activity pr = store.create(Activities.pullRequest("acme", "api", 7));
    Activity web = store.create(Activities.of("acme", "web", "main"));
    Activity last = store.create(Activities.of("acme", "api", "main"));
    store.addStep(first.id(), null, StepKind.Stage, "build", 0);
    store.addStep(last.id(), null, StepKind.Stage, "build", 0);
    store.addStep(last.id(), null, StepKind.Stage, "deploy", 1);
    store.updateActivity(web.id(), Status.Succeeded, T0, T0.plusSeconds(1), "");

    assertThat(store.list(ActivityFilter.all())).extracting(Activity::id)
        .containsExactly(last.id(), web.id(), pr.id(), first.id());
    assertThat(store.list(null)).hasSize(4);
    assertThat(store.list(new ActivityFilter("acme", "api", "main", null, null, 0)))
        .extracting(Activity::id).containsExactly(last.id(), first.id());
    assertThat(store.list(new ActivityFilter(null, "web", null, null, null, 0)))
        .extracting(Activity::id).containsExactly(web.id());
    assertThat(store.list(new ActivityFilter(null, null, null, Status.Succeeded, null, 0)))
        .extracting(Activity::id).containsExactly(web.id());
    assertThat(store.list(new ActivityFilter(null, null, null, null, "jenkinsfile", 0)))
        .extracting(Activity::id).containsExactly(pr.id());
    assertThat(store.list(new ActivityFilter("nobody", null, null, null, null, 0))).isEmpty();

    var limited = store.list(new ActivityFilter("acme", null, null, Status.Pending, null, 2));
    assertThat(limited).extracting(Activity::id).containsExactly(last.id(), pr.id());
    assertThat(limited.get(0).steps()).extracting(StepRecord::name)
        .containsExactly("build", "deploy");
    assertThat(limited.get(1).steps()).isEmpty();
    assertThat(store.list(ActivityFilter.all()).get(3).steps()).extracting(StepRecord::name)
        .containsExactly("build");
  }

  @Test
  void reopeningKeepsEverything() throws Exception {
    Activity a = store.create(Activities.pullRequest("acme", "api", 3));
    StepRecord stage = store.addStep(a.id(), null, StepKind.Stage, "build", 0);
    store.updateStep(stage.id(), Status.Succeeded, T0, T0.plusSeconds(2), 0, 1, "");
    store.updateActivity(a.id(), Status.Succeeded, T0, T0.plusSeconds(3), "");
    store.requestStop(a.id());
    Activity before = store.get(a.id()).orElseThrow();
    store.close();

    store = open();

    assertThat(store.get(a.id())).contains(before);
    assertThat(store.isStopRequested(a.id())).isTrue();
    assertThat(store.create(Activities.pullRequest("acme", "api", 3)).build()).isEqualTo(2);
  }

  @Test
  void twoStoresCreatingAtOnceNeverHandOutTheSameBuildNumber() throws Exception {
    try (ActivityStore second = open()) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Integer>>> writers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        writers.add(pool.submit(createBuilds(t % 2 == 0 ? store : second, start)));
      }
      start.countDown();
      List<Integer> builds = new ArrayList<>();
      for (Future<List<Integer>> w : writers) {
        builds.addAll(w.get(120, TimeUnit.SECONDS));
      }

      assertThat(builds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
          IntStream.rangeClosed(1, THREADS * PER_THREAD).boxed().toList());
      assertThat(second.list(ActivityFilter.all())).hasSize(THREADS * PER_THREAD)
          .extracting(Activity::id).doesNotHaveDuplicates();
    }
  }

  @Test
  void parallelStagesUpdateTheirStepsFromSeveralThreads() throws Exception {
    Activity a = store.create(Activities.of("acme", "api", "main"));
    ConcurrentLinkedQueue<Long> stepIds = new ConcurrentLinkedQueue<>();
    List<Future<?>> stages = new ArrayList<>();
    for (int s = 0; s < THREADS; s++) {
      int ordinal = s;
      stages.add(pool.submit(() -> {
        StepRecord stage = store.addStep(a.id(), null, StepKind.Stage, "stage" + ordinal,
            ordinal);
        for (int i = 0; i < 5; i++) {
          StepRecord step = store.addStep(a.id(), stage.id(), StepKind.Step, "s" + i, i);
          store.updateStep(step.id(), Status.Running, T0, null, null, 1, null);
          store.updateStep(step.id(), Status.Succeeded, null, T0.plusSeconds(i), 0, 1, "");
          stepIds.add(step.id());
        }
        store.updateStep(stage.id(), Status.Succeeded, T0, T0.plusSeconds(10), null, 1, "");
        return null;
      }));
    }
    for (Future<?> stage : stages) {
      stage.get(120, TimeUnit.SECONDS);
    }

    List<StepRecord> steps = store.get(a.id()).orElseThrow().steps();
    assertThat(steps).hasSize(THREADS * 6);
    assertThat(steps).allSatisfy(s -> assertThat(s.status()).isEqualTo(Status.Succeeded));
    assertThat(steps).filteredOn(s -> s.parentId() != null)
        .allSatisfy(s -> assertThat(s.started()).isEqualTo(T0))
        .extracting(StepRecord::id).containsExactlyInAnyOrderElementsOf(stepIds);
  }

  private static Callable<List<Integer>> createBuilds(ActivityStore store, CountDownLatch start) {
    return () -> {
      start.await();
      List<Integer> builds = new ArrayList<>();
      for (int i = 0; i < PER_THREAD; i++) {
        builds.add(store.create(Activities.of("acme", "api", "main")).build());
      }
      return builds;
    };
  }
}
