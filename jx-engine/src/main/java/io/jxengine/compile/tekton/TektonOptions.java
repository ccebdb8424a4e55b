package io.jxengine.compile.tekton;

import java.time.Duration;
import java.util.List;

/**
 * Platform settings for the cluster compilers ({@link TektonCompiler}, the Pod fallback): what a
 * platform team configures once per build namespace, never the pipeline author.
 *
 * @param defaultImage image for steps that name none (step, stage and pipeline {@code image:})
 * @param cloneImage image of the clone step; pin it by version or digest
 * @param storageClass storage class of the per-run source volume; null for the cluster default
 * @param storageSize size of the per-run source volume, such as {@code 1Gi}
 * @param serviceAccount service account every build pod runs as
 * @param cpuRequest CPU request of every step container, such as {@code 100m}
 * @param memoryRequest memory request of every step container, such as {@code 128Mi}
 * @param runAsUser the non-root user id steps run as (and the pod's {@code fsGroup})
 * @param rootImages image prefixes that may run as uid 0, unprivileged and without privilege
 *     escalation (the Kaniko executor must unpack image layers as root)
 * @param finallyTimeout time reserved for {@code finally} tasks when the pipeline has a timeout
 */
public record TektonOptions(
    String defaultImage,
    String cloneImage,
    String storageClass,
    String storageSize,
    String serviceAccount,
    String cpuRequest,
    String memoryRequest,
    long runAsUser,
    List<String> rootImages,
    Duration finallyTimeout) {
  /** The Kaniko executor (debug flavour: it has the busybox shell that {@code run:} scripts need). */
  public static final String KANIKO_IMAGE = "gcr.io/kaniko-project/executor:v1.23.2-debug";

  public TektonOptions {
    rootImages = List.copyOf(rootImages);
  }

  /** Reasonable defaults for a shared build namespace. */
  public static TektonOptions defaults() {
    return new TektonOptions(
        "alpine:3.20",
        "alpine/git:2.45.2",
        null,
        "1Gi",
        "jx-engine-build",
        "100m",
        "128Mi",
        65532L,
        List.of("gcr.io/kaniko-project/executor:"),
        Duration.ofMinutes(10));
  }

  /** True when {@code image} may run as root (see {@link #rootImages}). */
  public boolean mayRunAsRoot(String image) {
    return image != null && rootImages.stream().anyMatch(image::startsWith);
  }
}
