package io.jxengine.model;

import java.time.Duration;
import java.util.List;

/**
 * The one pipeline model every source format (native YAML, Jenkinsfile, Tekton) is turned into.
 * Immutable; every node keeps its source position.
 *
 * @param name the pipeline's name (its context), such as {@code release} or {@code pr}
 * @param file the file it was read from, as the user would name it
 * @param source the source format: {@code native}, {@code jenkinsfile}, ...
 * @param image default container image for its steps, or null
 * @param timeout limit for the whole run, or null
 * @param concurrency how many stages may run at once, or null for the engine's default
 * @param finallyStages stages that always run after all others, whatever the result
 * @param post steps run at the end of the pipeline
 */
public record Pipeline(
    String name,
    String file,
    String source,
    String image,
    List<EnvVar> env,
    List<SecretRef> secrets,
    Triggers triggers,
    Duration timeout,
    Integer concurrency,
    List<Stage> stages,
    List<Stage> finallyStages,
    Post post,
    Pos pos) {
  public Pipeline {
    env = List.copyOf(env);
    secrets = List.copyOf(secrets);
    stages = List.copyOf(stages);
    finallyStages = List.copyOf(finallyStages);
    post = post == null ? Post.NONE : post;
  }

  /** True when at least one stage declares {@code needs:}, which turns the stages into a DAG. */
  public boolean isDag() {
    return stages.stream().anyMatch(s -> s.needs() != null);
  }
}
