package io.jxengine.model;

import java.time.Duration;
import java.util.List;

/**
 * A stage: steps that run in order in one workspace. Stages run in file order unless some stage
 * declares {@code needs:}; then the stages form a DAG and independent stages run in parallel.
 *
 * @param needs the stages this one waits for; null when the stage did not declare {@code needs:}
 * @param when conditions, or null for "always"
 * @param uses the catalog stage this one comes from, or null
 */
public record Stage(
    String name,
    List<NameRef> needs,
    String image,
    List<EnvVar> env,
    List<SecretRef> secrets,
    When when,
    Duration timeout,
    List<Step> steps,
    Post post,
    Uses uses,
    Pos pos) {
  public Stage {
    needs = needs == null ? null : List.copyOf(needs);
    env = List.copyOf(env);
    secrets = List.copyOf(secrets);
    steps = List.copyOf(steps);
    post = post == null ? Post.NONE : post;
  }
}
