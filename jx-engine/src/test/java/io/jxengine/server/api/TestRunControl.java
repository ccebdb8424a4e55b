package io.jxengine.server.api;

import static org.awaitility.Awaitility.await;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.activity.ActivityStore;
import io.jxengine.backend.Backend.CancelSignal;
import io.jxengine.backend.RunListener;
import io.jxengine.engine.RunContext;
import io.jxengine.engine.RunRequest;
import io.jxengine.engine.RunService;
import io.jxengine.server.RunControl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * RunControl for tests, standing in for the server's scheduler: runs requests with a real
 * RunService on a thread pool, stops them through their CancelSignal, re-runs the same request.
 */
public final class TestRunControl implements RunControl, AutoCloseable {

  private final RunService runService;
  private final ActivityStore store;
  private final ExecutorService runners = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-run");
    t.setDaemon(true);
    return t;
  });
  private final Map<Long, RunRequest> requests = new ConcurrentHashMap<>();
  private final Map<Long, CancelSignal> signals = new ConcurrentHashMap<>();

  public TestRunControl(RunService runService, ActivityStore store) {
    this.runService = runService;
    this.store = store;
  }

  /**
   * Starts a run and returns its activity id once the store has it. Starts are serialised: the
   * new activity is the one whose build number goes past the newest before the start.
   */
  public synchronized long start(RunRequest request) {
    RunContext ctx = request.context();
    int before = newestBuild(ctx);
    CancelSignal cancel = new CancelSignal();
    runners.submit(() -> runService.run(request, RunListener.NONE, cancel));
    Activity created = await().atMost(Duration.ofSeconds(20))
        .until(() -> newest(ctx), a -> a != null && a.build() > before);
    requests.put(created.id(), request);
    signals.put(created.id(), cancel);
    return created.id();
  }

  @Override
  public boolean stop(long activityId) {
    Activity a = store.get(activityId).orElseThrow(NoSuchElementException::new);
    if (a.status().isTerminal()) {
      return false;
    }
    CancelSignal signal = signals.get(activityId);
    if (signal != null) {
      signal.cancel("stopped from the API");
    } else {
      store.requestStop(activityId);
    }
    return true;
  }

  @Override
  public long rerun(long activityId) {
    RunRequest request = requests.get(activityId);
    if (request == null) {
      throw new NoSuchElementException("no run " + activityId);
    }
    return start(request);
  }

  private int newestBuild(RunContext ctx) {
    Activity a = newest(ctx);
    return a == null ? 0 : a.build();
  }

  private Activity newest(RunContext ctx) {
    List<Activity> list = store.list(
        new ActivityFilter(ctx.owner(), ctx.repo(), ctx.branch(), null, null, 1));
    return list.isEmpty() ? null : list.get(0);
  }

  @Override
  public void close() {
    signals.values().forEach(s -> s.cancel("test over"));
    runners.shutdown();
    try {
      runners.awaitTermination(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
