package io.jxengine.jenkins.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Turns a job into the native pipeline the engine runs. A freestyle job becomes one stage,
 * {@code build}, whose steps are its shell builders in order ({@code shell-1}, {@code shell-2},
 * ...); each runs under {@code sh -e} like Jenkins' {@code hudson.tasks.Shell}. Build parameters
 * become pipeline-level environment variables, never text in a script. A pipeline job's
 * Jenkinsfile is turned into the same kind of YAML by a {@link Jenkinsfiles} converter.
 * Stateless and thread-safe.
 */
final class JobPipelines {
  /** The pipeline's name, which becomes the activity's context. */
  static final String PIPELINE_NAME = "jenkins";

  private JobPipelines() {}

  /** The native pipeline YAML of a freestyle job with these parameter values. */
  static String freestyle(JobConfig job, Map<String, String> env) {
    List<Map<String, Object>> steps = new ArrayList<>();
    int n = 0;
    for (String command : job.shellCommands()) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("name", "shell-" + ++n);
      step.put("run", command.isBlank() ? "true" : command);
      steps.add(step);
    }
    if (steps.isEmpty()) {
      // Jenkins builds a freestyle job without builders successfully; so does the engine.
      steps.add(Map.of("name", "no-build-steps", "run", "true"));
    }
    Map<String, Object> stage = new LinkedHashMap<>();
    stage.put("name", "build");
    stage.put("steps", steps);
    Map<String, Object> pipeline = new LinkedHashMap<>();
    pipeline.put("name", PIPELINE_NAME);
    if (!env.isEmpty()) {
      pipeline.put("env", new LinkedHashMap<>(env));
    }
    pipeline.put("stages", List.of(stage));
    return dump(pipeline);
  }

  /** Adds (or overrides) pipeline-level env values in a pipeline's YAML. */
  @SuppressWarnings("unchecked")
  static String withEnv(String pipelineYaml, Map<String, String> env) {
    if (env.isEmpty()) {
      return pipelineYaml;
    }
    Object doc = new Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
        new org.yaml.snakeyaml.LoaderOptions())).load(pipelineYaml);
    if (!(doc instanceof Map<?, ?>)) {
      return pipelineYaml;
    }
    Map<String, Object> pipeline = new LinkedHashMap<>((Map<String, Object>) doc);
    Map<String, Object> merged = new LinkedHashMap<>();
    if (pipeline.get("env") instanceof Map<?, ?> old) {
      old.forEach((k, v) -> merged.put(String.valueOf(k), v));
    }
    merged.putAll(env);
    pipeline.put("env", merged);
    return dump(pipeline);
  }

  private static String dump(Map<String, Object> pipeline) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setDefaultScalarStyle(DumperOptions.ScalarStyle.PLAIN);
    options.setSplitLines(false);
    return new Yaml(options).dump(pipeline);
  }
}
