package io.jxengine.compile;

import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostics;
import io.jxengine.engine.RunContext;
import io.jxengine.model.EnvVar;
import io.jxengine.model.NameRef;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Pos;
import io.jxengine.model.Post;
import io.jxengine.model.SecretRef;
import io.jxengine.model.Stage;
import io.jxengine.model.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles an effective pipeline (every step has {@code run}) against one run into a {@link Plan}
 * for the local backend. Pure: no I/O, thread-safe.
 *
 * <p>Environment precedence, lowest first: job variables (incl. {@code JX_STAGE}/{@code JX_STEP})
 * &lt; pipeline {@code env} &lt; stage {@code env} &lt; step {@code env}. Setting a job variable
 * in {@code env:} is allowed (the linter warns, JX207), so user values win.
 *
 * <p>Order: without {@code needs:} each stage depends on the previous stage that is not skipped by
 * its {@code when:} (a skipped stage does not stop the stages after it, as in Jenkins); with
 * {@code needs:} (a DAG) each stage depends on exactly its needs, and a stage that needs a skipped
 * stage is NotExecuted. Pipeline secrets are merged into every stage's secrets (the stage's entry
 * wins for the same variable). The pipeline's {@code post:} becomes a stage named {@code post}.
 */
public final class LocalCompiler {
  public static final int DEFAULT_CONCURRENCY = 4;
  /** Name of the stage that carries the pipeline's {@code post:} steps. */
  public static final String POST_STAGE = "post";

  private final boolean cluster;

  /** Decides {@code when: {cluster}} by whether this process has a cluster configured. */
  public LocalCompiler() {
    this(clusterConfigured());
  }

  /** @param cluster whether {@code when: {cluster: true}} holds (true for cluster backends) */
  public LocalCompiler(boolean cluster) {
    this.cluster = cluster;
  }

  private static boolean clusterConfigured() {
    String home = System.getProperty("user.home");
    return io.jxengine.kube.apply.KubeClients.configured(
        System.getenv(), home == null ? null : Path.of(home));
  }

  /** Whether {@code when: {cluster: true}} holds for the plans this compiler makes. */
  public boolean cluster() {
    return cluster;
  }

  public Plan compile(
      Pipeline effective, RunContext ctx, int build, Path workspace, int defaultConcurrency) {
    Map<String, String> jobVars =
        new LinkedHashMap<>(JobVariables.of(ctx, effective.name(), build, workspace));
    List<PlanStage> stages = new ArrayList<>();
    String previousRunnable = null;
    for (Stage stage : effective.stages()) {
      String skip = WhenEvaluator.skipReason(stage.when(), ctx,
          WhenFacts.of(cluster, effective, stage));
      List<String> deps;
      if (effective.isDag()) {
        deps = stage.needs() == null ? List.of() : stage.needs().stream().map(NameRef::name).toList();
      } else {
        deps = previousRunnable == null ? List.of() : List.of(previousRunnable);
        if (skip == null) {
          previousRunnable = stage.name();
        }
      }
      stages.add(stage(effective, stage, deps, skip, jobVars));
    }
    List<PlanStage> finallyStages = new ArrayList<>();
    for (Stage stage : effective.finallyStages()) {
      String skip = WhenEvaluator.skipReason(stage.when(), ctx,
          WhenFacts.of(cluster, effective, stage));
      finallyStages.add(stage(effective, stage, List.of(), skip, jobVars));
    }
    int concurrency =
        effective.concurrency() != null
            ? effective.concurrency()
            : defaultConcurrency > 0 ? defaultConcurrency : DEFAULT_CONCURRENCY;
    return new Plan(
        effective.name(),
        stages,
        finallyStages,
        pipelinePost(effective, jobVars),
        effective.timeout(),
        concurrency);
  }

  /**
   * Reports (JX404) every step only a cluster can run: privileged containers and volumes have no
   * local meaning, and a step that silently ran without its mounted registry credentials or
   * privilege would fail later and less clearly. Kaniko gets its own reason.
   */
  public static void refuseClusterOnly(Pipeline p, Diagnostics diags) {
    for (Step step : io.jxengine.compile.tekton.ClusterPolicy.allSteps(p)) {
      if (!step.needsCluster()) {
        continue;
      }
      String reason;
      Pos at = step.pos();
      if (step.uses() != null && step.uses().ref().equals("kaniko")) {
        reason = "kaniko needs a cluster; use buildah locally";
      } else if (step.privileged()) {
        reason = "it asks for a privileged container";
        at = step.privilegedAt();
      } else {
        reason = "it mounts volumes";
      }
      diags.report(Code.NEEDS_CLUSTER, at, "", step.name(), reason);
    }
  }

  private PlanStage stage(
      Pipeline p, Stage stage, List<String> deps, String skip, Map<String, String> jobVars) {
    List<EnvVar> stageEnv = new ArrayList<>(p.env());
    stageEnv.addAll(stage.env());
    String image = stage.image() != null ? stage.image() : p.image();
    Post post = stage.post();
    return new PlanStage(
        stage.name(),
        deps,
        skip,
        stage.timeout(),
        mergeSecrets(p.secrets(), stage.secrets()),
        steps(stage.name(), stage.steps(), "step-", image, jobVars, stageEnv),
        steps(stage.name(), post.always(), "post-always-", image, jobVars, stageEnv),
        steps(stage.name(), post.success(), "post-success-", image, jobVars, stageEnv),
        steps(stage.name(), post.failure(), "post-failure-", image, jobVars, stageEnv));
  }

  private PlanStage pipelinePost(Pipeline p, Map<String, String> jobVars) {
    Post post = p.post();
    if (post.isEmpty()) {
      return null;
    }
    return new PlanStage(
        POST_STAGE,
        List.of(),
        null,
        null,
        p.secrets(),
        List.of(),
        steps(POST_STAGE, post.always(), "post-always-", p.image(), jobVars, p.env()),
        steps(POST_STAGE, post.success(), "post-success-", p.image(), jobVars, p.env()),
        steps(POST_STAGE, post.failure(), "post-failure-", p.image(), jobVars, p.env()));
  }

  private List<PlanStep> steps(
      String stageName, List<Step> steps, String unnamedPrefix, String image,
      Map<String, String> jobVars, List<EnvVar> userEnv) {
    List<PlanStep> out = new ArrayList<>(steps.size());
    int n = 0;
    for (Step step : steps) {
      n++;
      if (step.run() == null && !step.isApproval()) {
        throw new IllegalArgumentException(
            "step " + step.name() + " of stage " + stageName + " has no run: "
                + "the compiler needs an effective pipeline (catalog references resolved)");
      }
      String name = step.name() != null ? step.name() : unnamedPrefix + n;
      Map<String, String> merged = new LinkedHashMap<>(jobVars);
      merged.put("JX_STAGE", stageName);
      merged.put("JX_STEP", name);
      merged = overlay(overlay(merged, userEnv), step.env());
      out.add(
          new PlanStep(
              name,
              step.run(),
              step.image() != null ? step.image() : image,
              step.dir(),
              merged,
              step.timeout(),
              step.retries(),
              step.approval()));
    }
    return out;
  }

  private static Map<String, String> overlay(Map<String, String> base, List<EnvVar> env) {
    Map<String, String> out = new LinkedHashMap<>(base);
    for (EnvVar e : env) {
      out.put(e.name(), e.value() == null ? "" : e.value());
    }
    return out;
  }

  private static List<SecretRef> mergeSecrets(List<SecretRef> pipeline, List<SecretRef> stage) {
    Map<String, SecretRef> byEnv = new LinkedHashMap<>();
    pipeline.forEach(s -> byEnv.put(s.env(), s));
    stage.forEach(s -> byEnv.put(s.env(), s));
    return List.copyOf(byEnv.values());
  }
}
