package io.jxengine.compile;

import io.jxengine.model.Approval;
import java.time.Duration;
import java.util.Map;

/**
 * A step ready to run: catalog references resolved, environment fully merged (engine variables,
 * pipeline, stage, step, catalog parameters; secrets are added by the backend at run time).
 *
 * @param script the shell script; without a shebang it runs under {@code /bin/sh -e}
 * @param dir working directory relative to the workspace, or null
 * @param timeout null for no step limit
 * @param approval non-null for an approval gate, whose {@code script} is null: the backend waits
 *     for a decision instead of starting a process
 */
public record PlanStep(
    String name,
    String script,
    String image,
    String dir,
    Map<String, String> env,
    Duration timeout,
    int retries,
    Approval approval) {
  public PlanStep {
    env = Map.copyOf(env);
  }

  /** A step that runs a script. */
  public PlanStep(String name, String script, String image, String dir, Map<String, String> env,
      Duration timeout, int retries) {
    this(name, script, image, dir, env, timeout, retries, null);
  }

  /** True for an approval gate. */
  public boolean isApproval() {
    return approval != null;
  }
}
