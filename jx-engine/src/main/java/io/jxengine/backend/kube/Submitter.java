package io.jxengine.backend.kube;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.tekton.pipeline.v1.PipelineRun;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Creates a run's objects in the build namespace, idempotently: the names are deterministic
 * (owner/repo/branch/build), so a second submission of the same activity finds the first one
 * ({@code 409 AlreadyExists}) and attaches to it instead of running it twice. Thread-safe.
 */
final class Submitter {
  /** The cluster refused the run or is unreachable; the message says why, in one line. */
  static final class SubmitException extends Exception {
    SubmitException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final KubernetesClient client;
  private final String namespace;
  private volatile Boolean tekton;

  Submitter(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  /**
   * API discovery, once: does the cluster serve {@code tekton.dev/v1} PipelineRuns? Asks the API
   * server ({@code GET /apis/tekton.dev/v1}) rather than {@code client.supports}, which a client
   * may be configured to answer without asking.
   */
  boolean hasTekton() {
    Boolean t = tekton;
    if (t == null) {
      APIResourceList resources = client.getApiResources(HasMetadata.getApiVersion(PipelineRun.class));
      t = resources != null && resources.getResources() != null
          && resources.getResources().stream().anyMatch(r -> "PipelineRun".equals(r.getKind()));
      tekton = t;
    }
    return t;
  }

  /** Creates {@code run}, or returns the one already created for activity {@code activityId}. */
  PipelineRun submit(PipelineRun run, long activityId) throws SubmitException {
    var runs = client.resources(PipelineRun.class).inNamespace(namespace);
    String name = run.getMetadata().getName();
    try {
      return runs.resource(run).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw new SubmitException("the cluster refused PipelineRun " + name + ": " + e.getMessage(), e);
      }
    }
    return existing(run, activityId);
  }

  /** The PipelineRun already created under {@code run}'s name for activity {@code activityId}. */
  PipelineRun existing(PipelineRun run, long activityId) throws SubmitException {
    String name = run.getMetadata().getName();
    PipelineRun existing;
    try {
      existing = client.resources(PipelineRun.class).inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      throw new SubmitException("cannot read PipelineRun " + name + ": " + e.getMessage(), e);
    }
    String owner = existing == null ? null
        : existing.getMetadata().getAnnotations() == null ? null
        : existing.getMetadata().getAnnotations().get(KubeRunService.ACTIVITY_ID);
    if (existing == null) {
      throw new SubmitException("PipelineRun " + namespace + "/" + name + " is not on the cluster", null);
    }
    if (!Long.toString(activityId).equals(owner)) {
      throw new SubmitException("PipelineRun " + namespace + "/" + name
          + " already exists for another activity (" + owner + "); not submitting over it", null);
    }
    return existing;
  }

  /** The run's overall limit ({@code timeouts.pipeline}), or null for none. */
  static Duration pipelineTimeout(PipelineRun run) {
    var t = run.getSpec() == null ? null : run.getSpec().getTimeouts();
    if (t == null || t.getPipeline() == null || t.getPipeline().getDuration() == null) {
      return null;
    }
    Duration d = t.getPipeline().getDuration();
    return d.isZero() ? null : d; // 0 means "no timeout" to Tekton
  }

  /** When the run was created on the cluster (now when the server did not say). */
  static Instant created(PipelineRun run) {
    String ts = run.getMetadata().getCreationTimestamp();
    if (ts == null) {
      return Instant.now();
    }
    try {
      return Instant.parse(ts);
    } catch (DateTimeParseException e) {
      return Instant.now();
    }
  }
}
