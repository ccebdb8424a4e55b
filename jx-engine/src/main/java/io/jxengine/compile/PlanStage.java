package io.jxengine.compile;

import io.jxengine.model.SecretRef;
import java.time.Duration;
import java.util.List;

/**
 * A stage ready to run.
 *
 * @param dependsOn names of stages that must succeed first
 * @param skipReason non-null when {@code when:} did not match: the stage is NotExecuted
 */
public record PlanStage(
    String name,
    List<String> dependsOn,
    String skipReason,
    Duration timeout,
    List<SecretRef> secrets,
    List<PlanStep> steps,
    List<PlanStep> postAlways,
    List<PlanStep> postSuccess,
    List<PlanStep> postFailure) {
  public PlanStage {
    dependsOn = List.copyOf(dependsOn);
    secrets = List.copyOf(secrets);
    steps = List.copyOf(steps);
    postAlways = List.copyOf(postAlways);
    postSuccess = List.copyOf(postSuccess);
    postFailure = List.copyOf(postFailure);
  }
}
