package io.jxengine.backend.local;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The stop state of one run and the step processes running in it. {@link #stop} may be called
 * from any thread (cancel, the pipeline timer): it ends every running step tree at once, and no
 * new step starts afterwards. Thread-safe.
 */
final class RunControl {
  enum Stop {
    CANCELLED,
    TIMED_OUT
  }

  private final Set<StepProcess> running = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService scheduler;
  private volatile Stop stop;
  private volatile String message = "";

  RunControl(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  Stop stopped() {
    return stop;
  }

  String stopMessage() {
    return message;
  }

  /** The cause to give running steps once stopped, else null. */
  StopCause stopCause() {
    Stop s = stop;
    return s == null ? null : s == Stop.CANCELLED ? StopCause.CANCELLED : StopCause.PIPELINE_TIMEOUT;
  }

  void stop(Stop why, String msg) {
    synchronized (this) {
      if (stop != null) {
        return;
      }
      message = msg;
      stop = why;
    }
    StopCause cause = stopCause();
    running.forEach(p -> p.terminate(cause));
  }

  /** Tracks a started step; ends it at once if the run was stopped while it was starting. */
  void register(StepProcess p) {
    running.add(p);
    StopCause cause = stopCause();
    if (cause != null) {
      p.terminate(cause);
    }
  }

  void unregister(StepProcess p) {
    running.remove(p);
  }
}
