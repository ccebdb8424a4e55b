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
    Pos pos) {
  public Step {
    env = List.copyOf(env);
  }
}
