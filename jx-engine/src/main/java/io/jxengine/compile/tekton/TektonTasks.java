package io.jxengine.compile.tekton;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.tekton.pipeline.v1.EmbeddedTask;
import io.fabric8.tekton.pipeline.v1.PipelineTask;
import io.fabric8.tekton.pipeline.v1.Step;
import io.fabric8.tekton.pipeline.v1.StepTemplate;
import io.fabric8.tekton.pipeline.v1.WorkspaceDeclaration;
import io.fabric8.tekton.pipeline.v1.WorkspacePipelineTaskBinding;
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
    // plain setters, not the fluent builders: those deep-copy every nested object on each
    // with/build, which made a 500-stage pipeline several times slower to compile
    List<Step> out = new ArrayList<>(steps.size());
    for (io.jxengine.model.Step s : steps) {
      out.add(step(s, image));
    }
    StepTemplate template = new StepTemplate();
    template.setEnv(env.isEmpty() ? null : List.copyOf(env));
    EmbeddedTask spec = new EmbeddedTask();
    spec.setWorkspaces(List.of(new WorkspaceDeclaration(null, null, ContainerDefaults.SOURCE, null, null)));
    spec.setStepTemplate(template);
    spec.setSteps(out);
    spec.setVolumes(emptyToNull(ContainerDefaults.secretVolumes(steps)));
    PipelineTask task = new PipelineTask();
    task.setName(name);
    task.setRunAfter(runAfter.isEmpty() ? null : runAfter);
    task.setWhen(when.isEmpty() ? null : when);
    task.setRetries(retries > 0 ? retries : null);
    task.setTimeout(timeout == null ? null : new io.fabric8.kubernetes.api.model.Duration(timeout));
    task.setWorkspaces(List.of(new WorkspacePipelineTaskBinding(ContainerDefaults.SOURCE, null, ContainerDefaults.SOURCE)));
    task.setTaskSpec(spec);
    return task;
  }

  private Step step(io.jxengine.model.Step s, String image) {
    String img = defaults.image(s.image(), image);
    List<EnvVar> env = new ArrayList<>(1 + s.env().size());
    env.add(new EnvVar("JX_STEP", s.name(), null));
    s.env().forEach(e -> env.add(new EnvVar(e.name(), e.value() == null ? "" : e.value(), null)));
    Step step = new Step();
    step.setName(KubeNames.label(s.name()));
    step.setImage(img);
    step.setWorkingDir(s.dir() == null ? StepEnv.WORKSPACE_PATH : StepEnv.WORKSPACE_PATH + "/" + s.dir());
    step.setEnv(env);
    step.setComputeResources(defaults.resources());
    step.setSecurityContext(defaults.security(img));
    step.setVolumeMounts(emptyToNull(ContainerDefaults.secretMounts(s)));
    step.setTimeout(s.timeout() == null ? null : new io.fabric8.kubernetes.api.model.Duration(s.timeout()));
    step.setScript(ContainerDefaults.script(s.run()));
    return step;
  }

  static WhenExpression when(String input, String operator, List<String> values) {
    return new WhenExpressionBuilder().withInput(input).withOperator(operator).withValues(values).build();
  }

  static <T> List<T> emptyToNull(List<T> list) {
    return list.isEmpty() ? null : list;
  }
}
