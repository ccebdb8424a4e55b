package io.jxengine.compile;

import java.time.Duration;
import java.util.Map;

/**
 * A step ready to run: catalog references resolved, environment fully merged (engine variables,
 * pipeline, stage, step, catalog parameters; secrets are added by the backend at run time).
 *
 * @param script the shell script; without a shebang it runs under {@code /bin/sh -e}
 * @param dir working directory relative to the workspace, or null
 * @param timeout null for no step limit
 */
public record PlanStep(
    String name,
    String script,
    String image,
    String dir,
    Map<String, String> env,
    Duration timeout,
    int retries) {
  public PlanStep {
    env = Map.copyOf(env);
  }
}
