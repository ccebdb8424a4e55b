package io.jxengine.compile.tekton;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.tekton.pipeline.v1.EmbeddedTaskBuilder;
import io.fabric8.tekton.pipeline.v1.PipelineTask;
import io.fabric8.tekton.pipeline.v1.PipelineTaskBuilder;
import io.fabric8.tekton.pipeline.v1.Step;
import io.fabric8.tekton.pipeline.v1.StepBuilder;
import io.fabric8.tekton.pipeline.v1.WhenExpression;
import io.fabric8.tekton.pipeline.v1.WhenExpressionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Builds Tekton pipeline tasks with embedded task specs from engine steps. Every task binds the
 * run's source workspace; every step gets the {@link ContainerDefaults}. Thread-safe.
 */
final class TektonTasks {
  private final ContainerDefaults defaults;

  TektonTasks(ContainerDefaults defaults) {
    this.defaults = defaults;
  }

  /**
   * One task.
   *
   * @param name the task's name (a DNS-1123 label)
   * @param image the image of steps that name none (stage, else pipeline image), or null
   * @param env the task's step template environment
   * @param steps the engine steps, run in order
   * @param retries Tekton retries a whole task, so this is the largest {@code retries} of its steps
   */
  PipelineTask task(
      String name, String image, Collection<EnvVar> env, List<io.jxengine.model.Step> steps,
      Duration timeout, int retries, List<String> runAfter, List<WhenExpression> when) {
    List<Step> out = new ArrayList<>();
    for (io.jxengine.model.Step s : steps) {
      out.add(step(s, image));
    }
    PipelineTaskBuilder b =
        new PipelineTaskBuilder()
            .withName(name)
            .withRunAfter(runAfter.isEmpty() ? null : runAfter)
            .withWhen(when.isEmpty() ? null : when)
            .withRetries(retries > 0 ? retries : null)
            .withTimeout(timeout == null ? null : new io.fabric8.kubernetes.api.model.Duration(timeout))
            .addNewWorkspace().withName(ContainerDefaults.SOURCE).withWorkspace(ContainerDefaults.SOURCE).endWorkspace()
            .withTaskSpec(
                new EmbeddedTaskBuilder()
                    .addNewWorkspace().withName(ContainerDefaults.SOURCE).endWorkspace()
                    .withNewStepTemplate().withEnv(env.isEmpty() ? null : List.copyOf(env)).endStepTemplate()
                    .withSteps(out)
                    .withVolumes(emptyToNull(ContainerDefaults.secretVolumes(steps)))
                    .build());
    return b.build();
  }

  private Step step(io.jxengine.model.Step s, String image) {
    String img = defaults.image(s.image(), image);
    List<EnvVar> env = new ArrayList<>();
    env.add(new EnvVar("JX_STEP", s.name(), null));
    s.env().forEach(e -> env.add(new EnvVar(e.name(), e.value() == null ? "" : e.value(), null)));
    return new StepBuilder()
        .withName(KubeNames.label(s.name()))
        .withImage(img)
        .withWorkingDir(s.dir() == null ? StepEnv.WORKSPACE_PATH : StepEnv.WORKSPACE_PATH + "/" + s.dir())
        .withEnv(env)
        .withComputeResources(defaults.resources())
        .withSecurityContext(defaults.security(img))
        .withVolumeMounts(emptyToNull(ContainerDefaults.secretMounts(s)))
        .withTimeout(s.timeout() == null ? null : new io.fabric8.kubernetes.api.model.Duration(s.timeout()))
        .withScript(ContainerDefaults.script(s.run()))
        .build();
  }

  static WhenExpression when(String input, String operator, List<String> values) {
    return new WhenExpressionBuilder().withInput(input).withOperator(operator).withValues(values).build();
  }

  static <T> List<T> emptyToNull(List<T> list) {
    return list.isEmpty() ? null : list;
  }
}
