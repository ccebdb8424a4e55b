package io.jxengine.engine;

import io.jxengine.activity.Activity;
import io.jxengine.backend.Backend;
import io.jxengine.backend.RunListener;

/**
 * Runs pipelines and records them as activities: {@link RunService} on this machine, the cluster
 * executor ({@code io.jxengine.backend.kube.KubeRunService}) on Kubernetes. The server and the
 * CLI depend on this, not on either implementation.
 *
 * <p>Both methods block the calling thread until the run has ended and its final status is in
 * the activity store; one instance serves many runs from many threads. {@code console} receives
 * masked events as they happen (may be a no-op); {@code cancel} stops the run from any thread and
 * the run ends Aborted. A user's failing pipeline is a result, never an exception; an exception
 * means the engine or its store failed.
 */
public interface PipelineRunner {

  /** Creates the activity and runs it; a run refused before it starts has no activity. */
  RunOutcome run(RunRequest request, RunListener console, Backend.CancelSignal cancel);

  /**
   * Runs an activity created earlier (queued by the server, claimed by the caller). Secrets are
   * resolved only when {@code withSecrets}. {@code checkoutUrl}/{@code checkoutSha} say where the
   * source comes from for runners that check it out on this machine.
   */
  RunOutcome execute(
      Activity activity, RunRequest request, String checkoutUrl, String checkoutSha,
      boolean withSecrets, RunListener console, Backend.CancelSignal cancel);
}
