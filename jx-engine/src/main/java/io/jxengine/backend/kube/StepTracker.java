package io.jxengine.backend.kube;

import io.jxengine.activity.Status;
import io.jxengine.backend.RunListener;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports each step of a cluster run once per attempt: Running when its container starts (and
 * its log starts streaming), then its end only after its log has been read to the end, so the
 * log is complete when the step's record says it ended. Confined to the run's event thread,
 * except the log threads, which only call the (thread-safe) listener's {@code log}.
 */
final class StepTracker {
  private static final Logger LOG = LoggerFactory.getLogger(StepTracker.class);

  /** One step container of one attempt. */
  private static final class Track {
    boolean running;
    boolean ended;
    CompletableFuture<Void> log;
  }

  /** Where a step is: the activity's names, and the container that runs it. */
  record Where(String stage, String step, String phase, int attempt, String pod, String container) {}

  private final String namespace;
  private final StepLogs logs;
  private final Executor logThreads;
  private final Executor events;
  private final RunListener listener;
  private final Map<String, Track> tracks = new HashMap<>();
  private CompletableFuture<Void> all = CompletableFuture.completedFuture(null);

  /** @param events the run's event thread, where ends are reported after the logs are read */
  StepTracker(String namespace, StepLogs logs, Executor logThreads, Executor events, RunListener listener) {
    this.namespace = namespace;
    this.logs = logs;
    this.logThreads = logThreads;
    this.events = events;
    this.listener = listener;
  }

  private Track track(Where w) {
    return tracks.computeIfAbsent(w.stage() + "\u0000" + w.phase() + "\u0000" + w.step() + "\u0000" + w.attempt(), k -> new Track());
  }

  /** True when the step has been reported Running (or ended) in this attempt. */
  boolean started(Where w) {
    Track t = tracks.get(w.stage() + "\u0000" + w.phase() + "\u0000" + w.step() + "\u0000" + w.attempt());
    return t != null && (t.running || t.ended);
  }

  /** The step's container runs (or has run): report Running once and stream its log. */
  void running(Where w) {
    Track t = track(w);
    if (!t.running) {
      t.running = true;
      listener.step(w.stage(), w.step(), w.phase(), Status.Running, w.attempt(), null,
          w.attempt() > 1 ? "retry " + (w.attempt() - 1) : "");
    }
    if (t.log == null && w.pod() != null) {
      Consumer<String> sink = line -> listener.log(w.stage(), w.step(), line);
      t.log = CompletableFuture.runAsync(() -> follow(w, sink), logThreads);
      all = CompletableFuture.allOf(all, t.log);
    }
  }

  /** The step ended: report it once its log has been read. */
  void ended(Where w, Status status, Integer exitCode, String message) {
    Track t = track(w);
    if (t.ended) {
      return;
    }
    t.ended = true;
    if (status != Status.NotExecuted) {
      running(w);
    }
    Runnable report = () -> listener.step(w.stage(), w.step(), w.phase(), status, w.attempt(), exitCode, message);
    if (t.log == null) {
      report.run();
    } else {
      CompletableFuture<Void> reported = t.log.handle((v, e) -> null).thenRunAsync(report, events);
      all = CompletableFuture.allOf(all, reported);
    }
  }

  /** Completes once every log started so far has been read and every end reported. */
  CompletableFuture<Void> drained() {
    return all.handle((v, e) -> null);
  }

  private void follow(Where w, Consumer<String> sink) {
    try {
      logs.follow(namespace, w.pod(), w.container(), sink);
    } catch (java.io.IOException | RuntimeException e) {
      LOG.warn("log of {}/{} ({}): {}", w.pod(), w.container(), w.step(), e.getMessage());
      sink.accept("[jx-engine] the log could not be read: " + e.getMessage());
    }
  }
}
