package io.jxengine.backend;

import io.jxengine.activity.Status;
import io.jxengine.compile.Plan;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs a compiled plan. Lifecycle: {@link #run} prepares what the plan needs, runs stages in
 * dependency order (independent stages in parallel, up to the plan's concurrency), runs post and
 * finally actions, reports every change to the listener, and cleans up before it returns.
 *
 * <p>{@code run} blocks the calling thread until the pipeline ends. {@code cancel} may be called
 * from any thread: running steps are ended (their whole process tree) and the run ends Aborted.
 * A user's failing step is a result ({@link Status#Failed}), never an exception.
 */
public interface Backend {

  /**
   * @param workspace the run's own directory (a checkout or a copy)
   * @param secrets secret values keyed by {@code <secret>/<key>}; each stage's steps get the
   *     environment variables its {@link io.jxengine.compile.PlanStage#secrets()} name
   * @return the pipeline's final status
   */
  Status run(
      Plan plan, Path workspace, Map<String, String> secrets, RunListener listener,
      CancelSignal cancel);

  /**
   * Runs with approval gates decided through {@code approvals}. A backend that cannot wait for
   * them ignores {@code approvals} (the default); its compiler refuses gates beforehand.
   */
  default Status run(
      Plan plan, Path workspace, Map<String, String> secrets, RunListener listener,
      CancelSignal cancel, ApprovalGate approvals) {
    return run(plan, workspace, secrets, listener, cancel);
  }

  /** Set once by whoever wants the run to stop; polled or awaited by the backend. */
  final class CancelSignal {
    private volatile String reason;
    private final java.util.List<Runnable> callbacks = new java.util.concurrent.CopyOnWriteArrayList<>();

    public void cancel(String why) {
      if (reason == null) {
        reason = why;
        callbacks.forEach(Runnable::run);
      }
    }

    public boolean isCancelled() {
      return reason != null;
    }

    public String reason() {
      return reason;
    }

    /** Runs {@code r} when cancelled (at once if already cancelled). */
    public void onCancel(Runnable r) {
      callbacks.add(r);
      if (reason != null) {
        r.run();
      }
    }
  }
}
