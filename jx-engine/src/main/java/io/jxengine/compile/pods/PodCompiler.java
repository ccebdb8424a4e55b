package io.jxengine.compile.pods;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.jxengine.compile.tekton.ClusterPolicy;
import io.jxengine.compile.tekton.ContainerDefaults;
import io.jxengine.compile.tekton.KubeNames;
import io.jxengine.compile.tekton.KubeYaml;
import io.jxengine.compile.tekton.StageSelection;
import io.jxengine.compile.tekton.StepEnv;
import io.jxengine.compile.tekton.TektonOptions;
import io.jxengine.diag.Diagnostics;
import io.jxengine.engine.RunContext;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Stage;
import io.jxengine.model.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fallback for clusters without Tekton: one Pod per stage, its steps as containers that run in
 * order (all but the last as init containers, which Kubernetes runs one after another and stops at
 * the first failure; each keeps its own log and exit status, so step logs and statuses stay as
 * with Tekton). The workspace is a PersistentVolumeClaim per run (an emptyDir cannot be shared by
 * pods), filled by a first clone pod; {@code restartPolicy: Never}; the same env, secrets and
 * security defaults as {@link io.jxengine.compile.tekton.TektonCompiler}. Every {@code when:} is
 * decided here. The executor creates each Pod once its {@value #RUN_AFTER} pods have succeeded;
 * step timeouts and retries are the executor's to enforce (a stage timeout is the Pod's
 * {@code activeDeadlineSeconds}). Pure and thread-safe.
 */
public final class PodCompiler {
  public static final String RUN_AFTER = KubeNames.PREFIX + "run-after";
  /** {@code tasks} or {@code finally}. */
  public static final String PHASE = KubeNames.PREFIX + "phase";
  /** For post pods: {@code always}, {@code success} or {@code failure}, of the stage or the run. */
  public static final String RUN_IF = KubeNames.PREFIX + "run-if";
  public static final String STAGE = KubeNames.PREFIX + "stage";
  public static final String RETRIES = KubeNames.PREFIX + "retries";
  public static final String SOURCE_PATH = "/workspace/source";

  public PodsResult compile(Pipeline p, RunContext ctx, int build, TektonOptions opts) {
    Diagnostics diags = new Diagnostics();
    ClusterPolicy.check(p, diags);
    if (diags.hasErrors()) {
      return new PodsResult(null, List.of(), List.of(), diags.sorted());
    }
    StageSelection.Result sel = StageSelection.select(p, ctx, false);
    String run = KubeNames.runName(ctx, build);
    Map<String, String> labels = KubeNames.labels(ctx, p.name(), build);
    Map<String, String> jobVars = StepEnv.jobVariables(ctx, p.name(), build, SOURCE_PATH);
    PodFactory f = new PodFactory(new ContainerDefaults(opts), opts, run, labels, KubeNames.label(run + "-source"));

    List<Pod> pods = new ArrayList<>();
    Step clone =
        new Step("clone", "git init -q .\ngit remote add origin \"$JX_GIT_URL\"\n"
            + "git fetch -q --depth 1 origin \"$JX_COMMIT_SHA\"\ngit checkout -q FETCH_HEAD\n",
            opts.cloneImage(), null, List.of(), null, 0, null, null);
    Map<String, EnvVar> cloneEnv = StepEnv.literal(jobVars);
    String clonePod = f.name("jx-clone");
    pods.add(f.pod(clonePod, "jx-clone", List.of(clone), opts.cloneImage(), cloneEnv, null, 0, List.of(), "tasks", null));
    for (StageSelection.Selected s : sel.stages()) {
      List<String> after = s.runAfter().isEmpty() ? List.of(clonePod) : s.runAfter().stream().map(f::name).toList();
      pods.add(stagePod(f, p, s.stage(), jobVars, after, "tasks"));
    }
    for (StageSelection.Selected s : sel.stages()) {
      Stage st = s.stage();
      postPod(pods, f, p, st, jobVars, st.post().always(), "always", true);
      postPod(pods, f, p, st, jobVars, st.post().success(), "success", true);
      postPod(pods, f, p, st, jobVars, st.post().failure(), "failure", true);
    }
    for (StageSelection.Selected s : sel.finallyStages()) {
      pods.add(stagePod(f, p, s.stage(), jobVars, List.of(), "finally"));
    }
    Stage postStage = new Stage("post", null, p.image(), List.of(), List.of(), null, null, List.of(), null, null, p.pos());
    postPod(pods, f, p, postStage, jobVars, p.post().always(), "always", false);
    postPod(pods, f, p, postStage, jobVars, p.post().success(), "success", false);
    postPod(pods, f, p, postStage, jobVars, p.post().failure(), "failure", false);

    PersistentVolumeClaim claim =
        new PersistentVolumeClaimBuilder()
            .withNewMetadata().withName(f.claim).withLabels(labels).endMetadata()
            .withNewSpec()
            .withAccessModes("ReadWriteOnce")
            .withStorageClassName(opts.storageClass())
            .withNewResources().addToRequests("storage", new Quantity(opts.storageSize())).endResources()
            .endSpec()
            .build();
    return new PodsResult(claim, pods, sel.skipped(), diags.sorted());
  }

  /** The claim and the pods as one multi-document YAML stream, then the skipped stages. */
  public static String yaml(PodsResult r) {
    StringBuilder sb = new StringBuilder(KubeYaml.yaml(r.claim()));
    r.pods().forEach(pod -> sb.append("---\n").append(KubeYaml.yaml(pod)));
    r.skipped().forEach(s -> sb.append("# skipped ").append(s.stage()).append(": ").append(s.reason()).append('\n'));
    return sb.toString();
  }

  private static Pod stagePod(
      PodFactory f, Pipeline p, Stage stage, Map<String, String> jobVars, List<String> after, String phase) {
    int retries = stage.steps().stream().mapToInt(Step::retries).max().orElse(0);
    return f.pod(f.name(stage.name()), stage.name(), stage.steps(), image(p, stage), env(p, stage, jobVars),
        stage.timeout(), retries, after, phase, null);
  }

  private static void postPod(
      List<Pod> pods, PodFactory f, Pipeline p, Stage stage, Map<String, String> jobVars,
      List<Step> steps, String runIf, boolean ofStage) {
    if (steps.isEmpty()) {
      return;
    }
    String name = f.name(stage.name() + "-post-" + runIf);
    // the pipeline's post runs after everything, a stage's after that stage (if it ran at all)
    List<String> after = ofStage ? List.of(f.name(stage.name())) : List.of();
    pods.add(f.pod(name, stage.name(), steps, image(p, stage), env(p, stage, jobVars), null, 0, after, "finally", runIf));
  }

  private static String image(Pipeline p, Stage stage) {
    return stage.image() != null ? stage.image() : p.image();
  }

  private static Map<String, EnvVar> env(Pipeline p, Stage stage, Map<String, String> jobVars) {
    Map<String, EnvVar> env = StepEnv.literal(jobVars);
    env.put("JX_STAGE", new EnvVar("JX_STAGE", stage.name(), null));
    StepEnv.put(env, p.env());
    StepEnv.put(env, stage.env());
    StepEnv.putSecrets(env, StepEnv.mergeSecrets(p.secrets(), stage.secrets()));
    return env;
  }

  /** Builds the pods of one run. */
  private record PodFactory(
      ContainerDefaults defaults, TektonOptions opts, String run, Map<String, String> labels, String claim) {
    String name(String stage) {
      return KubeNames.label(run + "-" + stage);
    }

    Pod pod(
        String name, String stage, List<Step> steps, String image, Map<String, EnvVar> env,
        Duration timeout, int retries, List<String> after, String phase, String runIf) {
      List<Container> containers = new ArrayList<>();
      for (Step s : steps) {
        containers.add(container(s, image, env));
      }
      Map<String, String> podLabels = new LinkedHashMap<>(labels);
      podLabels.put(STAGE, KubeNames.labelValue(stage));
      Map<String, String> annotations = new LinkedHashMap<>();
      annotations.put(PHASE, phase);
      if (!after.isEmpty()) {
        annotations.put(RUN_AFTER, String.join(",", after));
      }
      if (runIf != null) {
        annotations.put(RUN_IF, runIf);
      }
      if (retries > 0) {
        annotations.put(RETRIES, String.valueOf(retries));
      }
      List<Volume> volumes = new ArrayList<>();
      volumes.add(new VolumeBuilder().withName(ContainerDefaults.SOURCE)
          .withNewPersistentVolumeClaim().withClaimName(claim).endPersistentVolumeClaim().build());
      volumes.addAll(ContainerDefaults.secretVolumes(steps));
      return new PodBuilder()
          .withNewMetadata().withName(name).withLabels(podLabels).withAnnotations(annotations).endMetadata()
          .withNewSpec()
          .withRestartPolicy("Never")
          .withServiceAccountName(opts.serviceAccount())
          .withSecurityContext(defaults.podSecurity())
          .withActiveDeadlineSeconds(timeout == null ? null : timeout.toSeconds())
          .withInitContainers(containers.subList(0, containers.size() - 1))
          .withContainers(containers.get(containers.size() - 1))
          .withVolumes(volumes)
          .endSpec()
          .build();
    }

    private Container container(Step s, String image, Map<String, EnvVar> stageEnv) {
      String img = defaults.image(s.image(), image);
      Map<String, EnvVar> env = new LinkedHashMap<>(stageEnv);
      env.put("JX_STEP", new EnvVar("JX_STEP", s.name(), null));
      StepEnv.put(env, s.env());
      List<VolumeMount> mounts = new ArrayList<>();
      mounts.add(new VolumeMountBuilder().withName(ContainerDefaults.SOURCE).withMountPath(SOURCE_PATH).build());
      mounts.addAll(ContainerDefaults.secretMounts(s));
      return new ContainerBuilder()
          .withName(KubeNames.label(s.name()))
          .withImage(img)
          .withCommand(command(s.run()))
          .withWorkingDir(s.dir() == null ? SOURCE_PATH : SOURCE_PATH + "/" + s.dir())
          .withEnv(List.copyOf(env.values()))
          .withResources(defaults.resources())
          .withSecurityContext(defaults.security(img))
          .withVolumeMounts(mounts)
          .build();
    }
  }

  /** A {@code #!} line names the interpreter; otherwise {@code /bin/sh} with {@code set -e}. */
  static List<String> command(String run) {
    if (run.startsWith("#!")) {
      String interpreter = run.substring(2, run.indexOf('\n') < 0 ? run.length() : run.indexOf('\n')).trim();
      return List.of(interpreter.split("\\s+")[0], "-c", run);
    }
    return List.of("/bin/sh", "-c", "set -e\n" + run);
  }
}
