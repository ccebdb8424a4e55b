package io.jxengine.model;

import java.time.Duration;
import java.util.List;

/**
 * One step: a shell script run as a process (locally) or a container (on a cluster).
 *
 * @param name the step's name; the parser gives unnamed steps {@code step-<n>}
 * @param run the shell script, or null when {@code uses} is set
 * @param image the container image for container backends; null to inherit
 * @param dir working directory relative to the workspace; null for the workspace root
 * @param env step-level environment
 * @param timeout null when unset
 * @param retries extra attempts after a failure (0 = run once)
 * @param uses the catalog step this one comes from, or null
 * @param pos where the step starts
 * @param privilegedAt where the step asks for a privileged container ({@code privileged: true}),
 *     or null; the cluster compilers refuse it, and the local backend, which has no such thing, too
 * @param volumes volumes the step mounts (Secrets as files, host paths); cluster only
 * @param approval non-null for an approval gate, which has no {@code run}: it waits for a person
 */
public record Step(
    String name,
    String run,
    String image,
    String dir,
    List<EnvVar> env,
    Duration timeout,
    int retries,
    Uses uses,
    Pos pos,
    Pos privilegedAt,
    List<Volume> volumes,
    Approval approval) {
  public Step {
    env = List.copyOf(env);
    volumes = volumes == null ? List.of() : List.copyOf(volumes);
  }

  /** A step that is not an approval gate. */
  public Step(
      String name, String run, String image, String dir, List<EnvVar> env, Duration timeout,
      int retries, Uses uses, Pos pos, Pos privilegedAt, List<Volume> volumes) {
    this(name, run, image, dir, env, timeout, retries, uses, pos, privilegedAt, volumes, null);
  }

  /** An approval gate named {@code name}. */
  public static Step gate(String name, Approval approval, Pos pos) {
    return new Step(name, null, null, null, List.of(), null, 0, null, pos, null, List.of(), approval);
  }

  /** True for an approval gate. */
  public boolean isApproval() {
    return approval != null;
  }

  /** A step without cluster-only keys (no {@code privileged}, no {@code volumes}). */
  public Step(
      String name, String run, String image, String dir, List<EnvVar> env, Duration timeout,
      int retries, Uses uses, Pos pos) {
    this(name, run, image, dir, env, timeout, retries, uses, pos, null, List.of(), null);
  }

  /** True when the step asks for a privileged container. */
  public boolean privileged() {
    return privilegedAt != null;
  }

  /** True when the step uses keys only a cluster backend can honour. */
  public boolean needsCluster() {
    return privilegedAt != null || !volumes.isEmpty();
  }
}
