package io.jxengine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several connections and processes on one file, as several {@code jxe} commands use it. */
class SqliteActivityStoreConcurrencyIT {
  private static final int THREADS = 4;
  private static final int PER_THREAD = 25;

  @TempDir Path dir;
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(30, TimeUnit.SECONDS);
  }

  @Test
  void twoStoresOnOneFileNeverHandOutTheSameBuildNumber() throws Exception {
    Path file = dir.resolve("activities.db");
    try (SqliteActivityStore first = SqliteActivityStore.open(file);
        SqliteActivityStore second = SqliteActivityStore.open(file)) {
      CountDownLatch start = new CountDownLatch(1);
      AtomicBoolean writing = new AtomicBoolean(true);
      List<Future<List<Integer>>> writers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        SqliteActivityStore store = t % 2 == 0 ? first : second;
        writers.add(pool.submit(createBuilds(store, start)));
      }
      // A watcher reads on its own connection while the writers write, as `get activities -w`.
      Future<Integer> watcher;
      try (SqliteActivityStore watching = SqliteActivityStore.open(file)) {
        watcher = pool.submit(() -> {
          int reads = 0;
          while (writing.get()) {
            watching.list(new ActivityFilter("acme", "api", "main", null, null, 10));
            reads++;
          }
          return reads;
        });
        start.countDown();
        List<Integer> builds = new ArrayList<>();
        for (Future<List<Integer>> w : writers) {
          builds.addAll(w.get(60, TimeUnit.SECONDS));
        }
        writing.set(false);
        assertThat(watcher.get(60, TimeUnit.SECONDS)).isPositive();

        assertThat(builds).doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(range(THREADS * PER_THREAD));
      }
      assertThat(first.list(ActivityFilter.all())).hasSize(THREADS * PER_THREAD);
    }
  }

  @Test
  void anotherProcessCreatingAtTheSameTimeGetsDistinctBuildNumbers() throws Exception {
    Path file = dir.resolve("activities.db");
    int perSide = 40;
    try (SqliteActivityStore store = SqliteActivityStore.open(file)) {
      Process other = new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp", System.getProperty("java.class.path"),
              StoreWriterMain.class.getName(), file.toString(), Integer.toString(perSide))
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      List<Integer> builds = new ArrayList<>();
      for (int i = 0; i < perSide; i++) {
        builds.add(store.create(Activities.of("acme", "api", "main")).build());
      }
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
        out.lines().map(Integer::parseInt).forEach(builds::add);
      }
      assertThat(other.waitFor()).isZero();

      assertThat(builds).containsExactlyInAnyOrderElementsOf(range(2 * perSide));
    }
  }

  private static Callable<List<Integer>> createBuilds(
      SqliteActivityStore store, CountDownLatch start) {
    return () -> {
      start.await();
      List<Integer> builds = new ArrayList<>();
      for (int i = 0; i < PER_THREAD; i++) {
        builds.add(store.create(Activities.of("acme", "api", "main")).build());
      }
      return builds;
    };
  }

  private static List<Integer> range(int n) {
    return IntStream.rangeClosed(1, n).boxed().toList();
  }
}
