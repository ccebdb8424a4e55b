package io.jxengine.server.runs;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.Status;
import io.jxengine.backend.Backend.CancelSignal;
import io.jxengine.backend.RunListener;
import io.jxengine.engine.RunOutcome;
import io.jxengine.engine.RunRequest;
import io.jxengine.engine.PipelineRunner;
import io.jxengine.engine.RunService;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.scm.CommitStatus;
import io.jxengine.server.ProviderFactory;
import io.jxengine.server.RunControl;
import io.jxengine.server.repos.RepositoryStore;
import io.jxengine.server.trigger.CancelRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queued activities, at most {@code maxRuns} at once, first queued first run (a fixed pool
 * whose queue is FIFO). A run is started only after this process claims its activity in the
 * store, so a run submitted twice, or by two servers on one home, still runs once.
 *
 * <p>Thread-safe. {@link #close} stops running builds (they end Aborted) and leaves queued ones
 * in the store for the next start ({@link #resumeQueued}).
 */
public final class RunScheduler implements RunControl, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunScheduler.class);
  private static final String PIPELINE_FILE = ".jx/pipeline.yaml";

  private final RunQueue queue;
  private final ActivityStore store;
  private final PipelineRunner runService;
  private final PipelineLoader loader;
  private final StatusReporter reporter;
  private final LongFunction<RunListener> listeners;
  private final ExecutorService pool;
  private final AtomicInteger waiting = new AtomicInteger();
  private final Map<Long, CancelSignal> running = new ConcurrentHashMap<>();
  /** Submitted and not yet started: a run submitted again meanwhile waits only once. */
  private final Set<Long> submitted = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private volatile boolean paused;

  /**
   * @param listeners a listener per run (metrics), given the activity id
   * @param serverUrl the server's base URL for links in commit statuses
   */
  public RunScheduler(
      RunQueue queue, ActivityStore store, PipelineRunner runService, PipelineLoader loader,
      RepositoryStore repositories, ProviderFactory providers,
      java.util.function.Supplier<String> serverUrl, int maxRuns,
      LongFunction<RunListener> listeners) {
    if (maxRuns < 1) {
      throw new IllegalArgumentException("max runs must be at least 1, not " + maxRuns);
    }
    this.queue = queue;
    this.store = store;
    this.runService = runService;
    this.loader = loader;
    this.reporter = new StatusReporter(repositories, providers, serverUrl);
    this.listeners = listeners;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(maxRuns, r -> {
      Thread t = new Thread(r, "jxe-run-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Queues a run (once per trigger key) and reports it pending; the caller then submits it. */
  public RunQueue.Enqueued queue(QueuedRun run) {
    RunQueue.Enqueued enqueued = queue.enqueue(run);
    if (enqueued.created()) {
      long id = enqueued.activityId();
      reporter.report(id, run, CommitStatus.State.PENDING, "queued")
          .ifPresent(error -> appendMessage(id, error));
    }
    return enqueued;
  }

  /** Schedules a queued activity to run when a slot is free. */
  public void submit(long activityId) {
    if (closed || paused || !submitted.add(activityId)) {
      return;
    }
    waiting.incrementAndGet();
    pool.execute(() -> {
      waiting.decrementAndGet();
      submitted.remove(activityId);
      if (!closed && !paused) {
        runQueued(activityId);
      }
    });
  }

  /**
   * Stops starting runs and stops the running ones (they end Aborted with {@code reason});
   * queued runs stay in the store. For a replica that lost the leader election.
   */
  public void pause(String reason) {
    paused = true;
    running.values().forEach(s -> s.cancel(reason));
  }

  /** Undoes {@link #pause} and schedules what is queued; returns how many were. */
  public int resume() {
    paused = false;
    return resumeQueued();
  }

  /** After a start: schedules every queued activity no runner has claimed, oldest first. */
  public int resumeQueued() {
    List<Long> ids = queue.unclaimed();
    ids.forEach(this::submit);
    return ids.size();
  }

  /** Stops the unfinished builds the request names, except those in {@code keep}. */
  public void cancel(CancelRequest request, Set<Long> keep) {
    for (long id : queue.unfinished(
        request.owner(), request.repo(), request.pullNumber(), request.pipeline())) {
      if (!keep.contains(id)) {
        stop(id, "superseded: " + request.reason());
      }
    }
  }

  /** Runs waiting for a slot. */
  public int waiting() {
    return waiting.get();
  }

  /** Runs going on now in this server. */
  public int runningCount() {
    return running.size();
  }

  @Override
  public boolean stop(long activityId) {
    return stop(activityId, "stopped by a user");
  }

  private boolean stop(long activityId, String reason) {
    Activity activity =
        store.get(activityId).orElseThrow(() -> noSuchActivity(activityId));
    if (activity.status().isTerminal()) {
      return false;
    }
    if (queue.abortUnclaimed(activityId, reason)) {
      queue.spec(activityId).ifPresent(spec ->
          reporter.report(activityId, spec, CommitStatus.State.ERROR, "the run was stopped"));
      return true;
    }
    store.requestStop(activityId);
    CancelSignal signal = running.get(activityId);
    if (signal != null) {
      signal.cancel(reason);
    }
    return true;
  }

  @Override
  public long rerun(long activityId) {
    store.get(activityId).orElseThrow(() -> noSuchActivity(activityId));
    QueuedRun spec = queue.spec(activityId).orElseThrow(() -> new IllegalArgumentException(
        "activity " + activityId + " was not started by the server; re-run it with jxe run"));
    QueuedRun again = new QueuedRun(
        spec.repositoryId(), "rerun:" + activityId + ":" + UUID.randomUUID(),
        spec.pipelineName(), spec.pipelineSource(), spec.pipelineYaml(), spec.context(),
        spec.checkoutUrl(), spec.checkoutSha(), spec.withSecrets(), spec.statusContext());
    long id = queue(again).activityId();
    submit(id);
    return id;
  }

  private void runQueued(long id) {
    try {
      if (!queue.claim(id, ProcessHandle.current().pid(), RunService.selfStartMillis())) {
        return; // stopped while queued, or another runner has it
      }
      QueuedRun spec = queue.spec(id).orElseThrow();
      Activity activity = store.get(id).orElseThrow();
      List<String> reportErrors = new ArrayList<>();
      LoadResult loaded = loader.loadString(spec.pipelineYaml(), PIPELINE_FILE, spec.pipelineName());
      if (loaded.hasErrors() || loaded.effective() == null) {
        Instant now = Instant.now();
        store.updateActivity(id, Status.Error, now, now,
            "the queued pipeline does not load: " + loaded.diagnostics().get(0).format());
        reporter.report(id, spec, CommitStatus.State.ERROR, "the pipeline does not load");
        return;
      }
      CancelSignal cancel = new CancelSignal();
      running.put(id, cancel);
      Status status;
      try {
        if (store.isStopRequested(id) || closed || paused) {
          cancel.cancel(closed || paused ? "the engine server stopped" : "stopped by a user");
        }
        reporter.report(id, spec, CommitStatus.State.PENDING, "running")
            .ifPresent(reportErrors::add);
        RunOutcome outcome = runService.execute(
            activity, new RunRequest(loaded.effective(), spec.context(), null, 0, false),
            spec.checkoutUrl(), spec.checkoutSha(), spec.withSecrets(), listeners.apply(id),
            cancel);
        status = outcome.status();
      } finally {
        running.remove(id);
      }
      reporter.report(id, spec, StatusReporter.stateOf(status), StatusReporter.describe(status))
          .ifPresent(reportErrors::add);
      reportErrors.forEach(error -> appendMessage(id, error));
    } catch (RuntimeException e) {
      LOG.error("activity {}: the engine failed to run it", id, e);
      try {
        store.updateActivity(id, Status.Error, null, Instant.now(), "engine error: " + e);
        queue.spec(id).ifPresent(spec ->
            reporter.report(id, spec, CommitStatus.State.ERROR, "the engine failed"));
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
    }
  }

  private void appendMessage(long id, String text) {
    Optional<Activity> a = store.get(id);
    if (a.isPresent()) {
      String old = a.get().message();
      String message = old == null || old.isEmpty() ? text : old + "; " + text;
      store.updateActivity(id, a.get().status(), null, null, message);
    }
  }

  private static NoSuchElementException noSuchActivity(long id) {
    return new NoSuchElementException("no activity with id " + id);
  }

  /** Stops running builds (Aborted) and waits for them to record it; queued ones stay queued. */
  @Override
  public void close() {
    closed = true;
    running.values().forEach(s -> s.cancel("the engine server stopped"));
    pool.shutdown();
    try {
      if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
