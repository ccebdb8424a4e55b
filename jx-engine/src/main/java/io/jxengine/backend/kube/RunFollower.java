package io.jxengine.backend.kube;

import io.jxengine.activity.Status;
import java.util.concurrent.CompletableFuture;

/**
 * Follows one submitted run on the cluster until it ends, reporting to a run listener: {@link
 * TektonFollower} for PipelineRuns, {@link PodFollower} for the plain-Pod fallback. {@link
 * #cancel} and {@link #detach} may be called from any thread.
 */
interface RunFollower extends AutoCloseable {
  /** How the run ended, and what the cluster said about it. */
  record Result(Status status, String message) {}

  /** Starts following (informers); returns this. */
  RunFollower start();

  /** Completes once the run has ended and everything it ran has been reported. */
  CompletableFuture<Result> result();

  /** Stops the run on the cluster; {@code timedOut}: because the pipeline's time is up. */
  void cancel(String why, boolean timedOut);

  /** Stops following and leaves the run going on the cluster: {@link #result} is Running. */
  void detach();

  /** Why the engine stopped the run (cancel, timeout), or null. */
  String engineStop();

  @Override
  void close();
}
