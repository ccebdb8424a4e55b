package io.jxengine.model;

import java.util.List;

/**
 * Conditions on a stage. Each non-empty list must match (lists are OR within, AND across).
 *
 * @param branches branch globs such as {@code main} or {@code release/*}
 * @param tags tag globs such as {@code v*}; a run that is not for a tag does not match
 * @param events event kinds: push, pull_request, tag, comment, cron, manual
 * @param paths globs over the changed paths; runs without change information match
 * @param cluster null for no condition; true: a Kubernetes cluster must be configured for the
 *     engine (always so on the Kubernetes backend); false: none may be
 * @param env variable names the pipeline's or the stage's {@code env:} must set, non-empty
 */
public record When(
    List<String> branches,
    List<String> tags,
    List<String> events,
    List<String> paths,
    Boolean cluster,
    List<String> env,
    Pos pos) {
  public When {
    branches = List.copyOf(branches);
    tags = List.copyOf(tags);
    events = List.copyOf(events);
    paths = List.copyOf(paths);
    env = env == null ? List.of() : List.copyOf(env);
  }

  /** Only the run's own conditions (branch, tag, event, paths). */
  public When(
      List<String> branches, List<String> tags, List<String> events, List<String> paths, Pos pos) {
    this(branches, tags, events, paths, null, List.of(), pos);
  }

  public boolean isEmpty() {
    return branches.isEmpty() && tags.isEmpty() && events.isEmpty() && paths.isEmpty()
        && cluster == null && env.isEmpty();
  }
}
