package io.jxengine.compile;

import java.time.Duration;
import java.util.List;

/**
 * The local backend's input: a pipeline compiled against one {@code RunContext}.
 *
 * @param stages the main stages; {@code dependsOn} encodes order and the DAG
 * @param finallyStages run after all main stages, whatever their result
 * @param post the pipeline's {@code post:} steps, as a stage named {@code post} (null for none)
 * @param timeout limit for the whole run, or null
 * @param concurrency how many stages may run at once
 */
public record Plan(
    String pipeline,
    List<PlanStage> stages,
    List<PlanStage> finallyStages,
    PlanStage post,
    Duration timeout,
    int concurrency) {
  public Plan {
    stages = List.copyOf(stages);
    finallyStages = List.copyOf(finallyStages);
  }
}
