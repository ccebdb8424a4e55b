package io.jxengine.compile.tekton;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.tekton.pipeline.v1.Param;
import io.fabric8.tekton.pipeline.v1.ParamValue;
import io.fabric8.tekton.pipeline.v1.PipelineRun;
import io.fabric8.tekton.pipeline.v1.PipelineRunBuilder;
import io.fabric8.tekton.pipeline.v1.PipelineSpec;
import io.fabric8.tekton.pipeline.v1.PipelineTask;
import io.fabric8.tekton.pipeline.v1.PipelineWorkspaceDeclaration;
import io.fabric8.tekton.pipeline.v1.TimeoutFields;
import io.fabric8.tekton.pipeline.v1.WhenExpression;
import io.fabric8.tekton.pipeline.v1.ParamSpecBuilder;
import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostics;
import io.jxengine.engine.RunContext;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Post;
import io.jxengine.model.Stage;
import io.jxengine.model.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles an effective pipeline for one run into a {@code tekton.dev/v1} PipelineRun with its
 * pipeline embedded ({@code pipelineSpec}, each stage a task with an embedded {@code taskSpec}).
 * Pure: no I/O, no cluster; thread-safe.
 *
 * <ul>
 *   <li>Source: one workspace per run from a {@code volumeClaimTemplate} (ReadWriteOnce; Tekton's
 *       affinity assistant puts every task of the run on the node holding it). A single first task
 *       ({@value #CLONE_TASK}) fetches the exact commit and every first stage runs after it: one
 *       clone per run instead of one per stage, and all stages share one workspace as locally.
 *   <li>Order: {@code needs} becomes {@code runAfter}; a sequential pipeline chains each stage
 *       after the previous. {@code when:} as decided by {@link StageSelection}.
 *   <li>Stage and pipeline {@code post:} and {@code finally} stages become {@code finally} tasks.
 *       Tekton runs finally tasks in parallel (they cannot have {@code runAfter}), so unlike the
 *       local backend the pipeline's post does not wait for the finally stages. A stage's
 *       {@code post.success}/{@code failure} run on {@code $(tasks.<stage>.status)}; its
 *       {@code always} runs when the stage ran at all; the pipeline's on {@code $(tasks.status)}.
 *   <li>Retries: Tekton retries whole tasks; a stage's task gets the largest {@code retries} of its
 *       steps (a retry re-runs every step of the stage).
 *   <li>Timeouts: a step's and a stage's become the step's and task's {@code timeout}. The
 *       pipeline's becomes {@code timeouts.tasks}, and when there are finally tasks
 *       {@link TektonOptions#finallyTimeout} is added for them ({@code timeouts.pipeline} = both),
 *       so a timed-out pipeline still runs its finally tasks.
 *   <li>Run values (branch, titles, ...) are PipelineRun params referenced from each task's step
 *       template; secrets are {@code secretKeyRef}s; privileged steps and host paths are refused.
 * </ul>
 */
public final class TektonCompiler {
  /** The task that fetches the commit into the source workspace. */
  public static final String CLONE_TASK = "jx-clone";
  /** Reserved names of the finally tasks that carry the pipeline's {@code post:}. */
  public static final String POST_PREFIX = "post-";

  public CompileResult compile(Pipeline p, RunContext ctx, int build, TektonOptions opts) {
    Diagnostics diags = new Diagnostics();
    ClusterPolicy.check(p, diags);
    if (diags.hasErrors()) {
      return new CompileResult(null, List.of(), diags.sorted());
    }
    StageSelection.Result sel = StageSelection.select(p, ctx, true);
    for (SkippedStage s : sel.skipped()) {
      diags.report(Code.STAGE_SKIPPED, stagePos(p, s.stage()), "when", s.stage(), s.reason());
    }
    ContainerDefaults defaults = new ContainerDefaults(opts);
    TektonTasks tasks = new TektonTasks(defaults);
    Map<String, String> params = params(p, ctx, build);
    Set<String> used = new HashSet<>();
    used.add(CLONE_TASK);

    List<PipelineTask> main = new ArrayList<>();
    main.add(cloneTask(tasks, opts));
    List<PipelineTask> fin = new ArrayList<>();
    for (StageSelection.Selected s : sel.stages()) {
      List<String> after = s.runAfter().isEmpty() ? List.of(CLONE_TASK) : s.runAfter().stream().map(KubeNames::label).toList();
      main.add(stageTask(tasks, p, s, after, used));
    }
    for (StageSelection.Selected s : sel.stages()) {
      fin.addAll(stagePost(tasks, p, s.stage(), used));
    }
    for (StageSelection.Selected s : sel.finallyStages()) {
      fin.add(stageTask(tasks, p, s, List.of(), used));
    }
    fin.addAll(pipelinePost(tasks, p, used));

    PipelineRun run =
        new PipelineRunBuilder()
            .withNewMetadata()
            .withName(KubeNames.runName(ctx, build))
            .withLabels(KubeNames.labels(ctx, p.name(), build))
            .addToAnnotations(KubeNames.PREFIX + "pipeline-file", p.file())
            .endMetadata()
            .withNewSpec()
            .withParams(params.entrySet().stream().map(e -> new Param(e.getKey(), new ParamValue(e.getValue()))).toList())
            .withNewTaskRunTemplate()
            .withServiceAccountName(opts.serviceAccount())
            .withNewPodTemplate().withSecurityContext(defaults.podSecurity()).endPodTemplate()
            .endTaskRunTemplate()
            .withTimeouts(timeouts(p, !fin.isEmpty(), opts))
            .addNewWorkspace()
            .withName(ContainerDefaults.SOURCE)
            .withNewVolumeClaimTemplate()
            .withNewSpec()
            .withAccessModes("ReadWriteOnce")
            .withStorageClassName(opts.storageClass())
            .withNewResources().addToRequests("storage", new Quantity(opts.storageSize())).endResources()
            .endSpec()
            .endVolumeClaimTemplate()
            .endWorkspace()
            .endSpec()
            .build();
    // set, not built: a builder would deep-copy every task (see TektonTasks)
    PipelineSpec spec = new PipelineSpec();
    spec.setParams(params.keySet().stream().map(k -> new ParamSpecBuilder().withName(k).withType("string").build()).toList());
    spec.setWorkspaces(List.of(new PipelineWorkspaceDeclaration(null, ContainerDefaults.SOURCE, null)));
    spec.setTasks(main);
    spec.setFinally(fin.isEmpty() ? null : fin);
    run.getSpec().setPipelineSpec(spec);
    return new CompileResult(run, sel.skipped(), diags.sorted());
  }

  /** Run values as params: job variables (escaped, see {@link StepEnv}) and the when inputs. */
  private static Map<String, String> params(Pipeline p, RunContext ctx, int build) {
    Map<String, String> params = new LinkedHashMap<>();
    StepEnv.jobVariables(ctx, p.name(), build, StepEnv.WORKSPACE_PATH)
        .forEach((k, v) -> params.put(k, StepEnv.escape(v)));
    // a param value is not substituted again: the workspace path goes straight into the env
    params.remove("WORKSPACE");
    params.put(StageSelection.BRANCH_PARAM, StepEnv.escape(ctx.branch() == null ? "" : ctx.branch()));
    params.put(StageSelection.EVENT_PARAM, StepEnv.escape(ctx.event() == null ? "" : ctx.event()));
    params.put(StageSelection.TAG_PARAM, StepEnv.escape(ctx.tag() == null ? "" : ctx.tag()));
    return params;
  }

  private static PipelineTask cloneTask(TektonTasks tasks, TektonOptions opts) {
    Step clone =
        new Step(
            "clone",
            """
            #!/bin/sh
            set -eu
            cd "$WORKSPACE"
            git init -q .
            git remote add origin "$JX_GIT_URL"
            git fetch -q --depth 1 origin "$JX_COMMIT_SHA"
            git checkout -q FETCH_HEAD
            """,
            opts.cloneImage(), null, List.of(), null, 0, null, null);
    return tasks.task(
        CLONE_TASK, opts.cloneImage(), paramEnv(List.of("JX_GIT_URL", "JX_COMMIT_SHA")),
        List.of(clone), null, 0, List.of(), List.of());
  }

  private static PipelineTask stageTask(
      TektonTasks tasks, Pipeline p, StageSelection.Selected s, List<String> runAfter, Set<String> used) {
    Stage stage = s.stage();
    List<WhenExpression> when = new ArrayList<>();
    for (StageSelection.Condition c : s.conditions()) {
      when.add(TektonTasks.when("$(params." + c.param() + ")", "in", c.values()));
    }
    int retries = stage.steps().stream().mapToInt(Step::retries).max().orElse(0);
    return tasks.task(
        unique(KubeNames.label(stage.name()), used), image(p, stage), stageEnv(p, stage), stage.steps(),
        stage.timeout(), retries, runAfter, when);
  }

  private static List<PipelineTask> stagePost(TektonTasks tasks, Pipeline p, Stage stage, Set<String> used) {
    Post post = stage.post();
    if (post.isEmpty()) {
      return List.of();
    }
    String status = "$(tasks." + KubeNames.label(stage.name()) + ".status)";
    List<EnvVar> env = stageEnv(p, stage);
    String image = image(p, stage);
    List<PipelineTask> out = new ArrayList<>();
    addPost(out, tasks, used, stage.name() + "-post-always", image, env, post.always(),
        TektonTasks.when(status, "notin", List.of("None")));
    addPost(out, tasks, used, stage.name() + "-post-success", image, env, post.success(),
        TektonTasks.when(status, "in", List.of("Succeeded")));
    addPost(out, tasks, used, stage.name() + "-post-failure", image, env, post.failure(),
        TektonTasks.when(status, "in", List.of("Failed")));
    return out;
  }

  private static List<PipelineTask> pipelinePost(TektonTasks tasks, Pipeline p, Set<String> used) {
    Post post = p.post();
    Map<String, EnvVar> env = baseEnv("post");
    StepEnv.put(env, p.env());
    StepEnv.putSecrets(env, p.secrets());
    List<PipelineTask> out = new ArrayList<>();
    addPost(out, tasks, used, POST_PREFIX + "always", p.image(), env.values(), post.always(), null);
    addPost(out, tasks, used, POST_PREFIX + "success", p.image(), env.values(), post.success(),
        TektonTasks.when("$(tasks.status)", "in", List.of("Succeeded", "Completed")));
    addPost(out, tasks, used, POST_PREFIX + "failure", p.image(), env.values(), post.failure(),
        TektonTasks.when("$(tasks.status)", "in", List.of("Failed")));
    return out;
  }

  private static void addPost(
      List<PipelineTask> out, TektonTasks tasks, Set<String> used, String name, String image,
      Collection<EnvVar> env, List<Step> steps, WhenExpression when) {
    if (steps.isEmpty()) {
      return;
    }
    out.add(tasks.task(unique(KubeNames.label(name), used), image, env, steps, null, 0, List.of(),
        when == null ? List.of() : List.of(when)));
  }

  private static String image(Pipeline p, Stage stage) {
    return stage.image() != null ? stage.image() : p.image();
  }

  /** Job variables (as param references), {@code JX_STAGE}, pipeline and stage env, secrets. */
  private static List<EnvVar> stageEnv(Pipeline p, Stage stage) {
    Map<String, EnvVar> env = baseEnv(stage.name());
    StepEnv.put(env, p.env());
    StepEnv.put(env, stage.env());
    StepEnv.putSecrets(env, StepEnv.mergeSecrets(p.secrets(), stage.secrets()));
    return List.copyOf(env.values());
  }

  private static Map<String, EnvVar> baseEnv(String stageName) {
    Map<String, EnvVar> env = new LinkedHashMap<>();
    for (String name : JOB_VARIABLE_NAMES) {
      String value = name.equals("WORKSPACE") ? StepEnv.WORKSPACE_PATH : "$(params." + name + ")";
      env.put(name, new EnvVar(name, value, null));
    }
    env.put("JX_STAGE", new EnvVar("JX_STAGE", stageName, null));
    return env;
  }

  private static List<EnvVar> paramEnv(List<String> names) {
    List<EnvVar> env = new ArrayList<>();
    names.forEach(n -> env.add(new EnvVar(n, "$(params." + n + ")", null)));
    env.add(new EnvVar("WORKSPACE", StepEnv.WORKSPACE_PATH, null));
    return env;
  }

  private static final List<String> JOB_VARIABLE_NAMES =
      List.copyOf(StepEnv.jobVariables(new RunContext(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null), "", 0, "").keySet());

  private static TimeoutFields timeouts(Pipeline p, boolean hasFinally, TektonOptions opts) {
    if (p.timeout() == null) {
      return null;
    }
    TimeoutFields t = new TimeoutFields();
    if (!hasFinally) {
      t.setPipeline(new io.fabric8.kubernetes.api.model.Duration(p.timeout()));
      return t;
    }
    Duration fin = opts.finallyTimeout();
    t.setTasks(new io.fabric8.kubernetes.api.model.Duration(p.timeout()));
    t.setFinally(new io.fabric8.kubernetes.api.model.Duration(fin));
    t.setPipeline(new io.fabric8.kubernetes.api.model.Duration(p.timeout().plus(fin)));
    return t;
  }

  private static io.jxengine.model.Pos stagePos(Pipeline p, String name) {
    List<Stage> all = new ArrayList<>(p.stages());
    all.addAll(p.finallyStages());
    return all.stream().filter(s -> s.name().equals(name)).findFirst().map(Stage::pos).orElse(p.pos());
  }

  /** Task names must be unique in a pipeline: a clash (a stage named like a post task) gets a hash. */
  private static String unique(String name, Set<String> used) {
    String n = name;
    if (!used.add(n)) {
      n = KubeNames.label(name.substring(0, Math.min(name.length(), 50)) + "-" + KubeNames.hash(name + used.size()));
      used.add(n);
    }
    return n;
  }
}
