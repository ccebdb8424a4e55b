package io.jxengine.preview;

import io.jxengine.scm.GitEvent;
import io.jxengine.server.queue.GitEventListener;
import io.jxengine.server.repos.Repository;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Destroys previews in the server: at once when a pull request is closed or merged (an event
 * listener on the delivery worker), and by {@link PreviewGc} at start-up and every {@code
 * interval}, which catches closes the engine missed while it was down.
 *
 * <p>All work runs on one daemon thread, so a deletion and a GC pass never overlap and the
 * delivery worker is never held up by the cluster. {@link #close} lets queued deletions finish
 * and stops the schedule.
 */
public final class PreviewJanitor implements GitEventListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PreviewJanitor.class);

  private final PreviewService service;
  private final PreviewStore store;
  private final PreviewGc gc;
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "jxe-preview-janitor");
    t.setDaemon(true);
    return t;
  });

  public PreviewJanitor(PreviewService service, PreviewStore store, PreviewGc gc) {
    this.service = service;
    this.store = store;
    this.gc = gc;
  }

  /** Runs a GC pass after {@code firstDelay}, then every {@code interval}. */
  public PreviewJanitor schedule(Duration firstDelay, Duration interval) {
    executor.scheduleWithFixedDelay(this::collect, firstDelay.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
    return this;
  }

  @Override
  public void onEvent(Repository repo, GitEvent event) {
    if (event instanceof GitEvent.PullRequest pr && "closed".equals(pr.action())) {
      String name = PreviewNames.namespace(repo.owner(), repo.name(), pr.number());
      String reason = pr.merged() ? "the pull request was merged" : "the pull request was closed";
      executor.execute(() -> destroy(name, reason));
    }
  }

  private void destroy(String name, String reason) {
    try {
      if (store.get(name).isEmpty()) {
        return; // no preview for this pull request (or already gone): nothing to say
      }
      List<String> notes = service.delete(name, reason);
      LOG.info("preview {} deleted: {}{}", name, reason, notes.isEmpty() ? "" : " " + notes);
    } catch (RuntimeException e) {
      // The next GC pass asks the provider again and deletes it then.
      LOG.warn("preview {}: cannot delete ({}); garbage collection will retry", name,
          e.getMessage());
    }
  }

  private void collect() {
    try {
      for (PreviewGc.Eviction e : gc.run()) {
        LOG.info("preview {} deleted: {}{}", e.name(), e.reason(),
            e.notes().isEmpty() ? "" : " " + e.notes());
      }
    } catch (RuntimeException e) {
      LOG.warn("preview garbage collection failed: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    // Deletions already queued still run (a close event heard just before stopping); the
    // schedule does not. What does not finish in time is caught by the next start's GC pass.
    executor.shutdown();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
