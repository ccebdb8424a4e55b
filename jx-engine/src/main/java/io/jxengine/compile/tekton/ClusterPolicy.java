package io.jxengine.compile.tekton;

import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostics;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Stage;
import io.jxengine.model.Step;
import io.jxengine.model.Volume;
import java.util.ArrayList;
import java.util.List;

/**
 * The pod-security baseline of the cluster compilers: no privileged containers (JX501), no host
 * paths (JX502); and what they cannot run at all: approval gates (JX504), which wait in the
 * local engine. Each refusal points at the line the user wrote (the step, or the volume entry).
 * Pure and thread-safe.
 */
public final class ClusterPolicy {
  private ClusterPolicy() {}

  /** Reports every refused request of {@code p} into {@code diags}. */
  public static void check(Pipeline p, Diagnostics diags) {
    for (Step step : allSteps(p)) {
      if (step.isApproval()) {
        diags.report(Code.APPROVAL_ON_CLUSTER, step.approval().pos(), "approval", step.name());
      }
      if (step.privileged()) {
        diags.report(Code.PRIVILEGED_REFUSED, step.privilegedAt(), "privileged", step.name());
      }
      for (Volume v : step.volumes()) {
        if (v.hostPath() != null) {
          diags.report(Code.HOST_PATH_REFUSED, v.pos(), "volumes", step.name(), v.hostPath());
        }
      }
    }
  }

  /** Every step of the pipeline: stages, their posts, finally stages and the pipeline's post. */
  public static List<Step> allSteps(Pipeline p) {
    List<Step> out = new ArrayList<>();
    List<Stage> stages = new ArrayList<>(p.stages());
    stages.addAll(p.finallyStages());
    for (Stage s : stages) {
      out.addAll(s.steps());
      out.addAll(s.post().always());
      out.addAll(s.post().success());
      out.addAll(s.post().failure());
    }
    out.addAll(p.post().always());
    out.addAll(p.post().success());
    out.addAll(p.post().failure());
    return out;
  }
}
