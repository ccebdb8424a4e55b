package io.jxengine.engine;

import io.jxengine.activity.ActivityStore;
import io.jxengine.backend.Backend;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Turns a stop request written into the activity store (by {@code jxe stop}, possibly from
 * another process, which has no other way to reach the runner) into a cancel of the run. The
 * store is the only channel between the processes, so it is read every {@value #POLL_MILLIS} ms
 * on a daemon thread until {@link #close}.
 */
public final class StopRequests implements AutoCloseable {
  static final long POLL_MILLIS = 250;

  private final ScheduledExecutorService timer;

  private StopRequests(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** Starts watching activity {@code id}; close when the run has ended. */
  public static StopRequests watch(ActivityStore store, long id, Backend.CancelSignal cancel) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "jxe-stop-watch-" + id);
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          if (!cancel.isCancelled() && store.isStopRequested(id)) {
            cancel.cancel("stopped by `jxe stop`");
          }
        },
        POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    return new StopRequests(timer);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
