package io.jxengine.lint;

import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostics;
import io.jxengine.diag.Texts;
import io.jxengine.model.EnvVar;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Pos;
import io.jxengine.model.Post;
import io.jxengine.model.SecretRef;
import io.jxengine.model.Stage;
import io.jxengine.model.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the meaning of a pipeline model, whatever format it came from: names (unique, valid
 * DNS-1123 labels), {@code needs} (known stages, no cycles), stages with steps, environment and
 * secret names. Single values (durations, globs, cron, events, dirs) are checked by the parser
 * that knows where they were written. Run it on the effective pipeline (after catalog
 * resolution) so catalog steps are checked too. Reports into the collector, never throws;
 * stateless and thread-safe.
 */
public final class Linter {

  public void lint(Pipeline pipeline, Diagnostics diags) {
    Pos start = pipeline.pos() == null || pipeline.pos().line() == 0 ? Pos.fileStart(pipeline.file()) : pipeline.pos();
    if (pipeline.name() != null) {
      label(pipeline.name(), "pipeline", start, "name", diags);
    }
    if (pipeline.stages().isEmpty()) {
      diags.report(Code.NO_STAGES, start, "stages");
    }
    env(pipeline.env(), "env", diags);
    secrets(pipeline.secrets(), "secrets", diags);
    Map<String, Stage> seen = new HashMap<>();
    stages(pipeline.stages(), "stages", seen, diags);
    stages(pipeline.finallyStages(), "finally", seen, diags);
    new NeedsCheck(pipeline.stages(), "stages", diags).run();
    new NeedsCheck(pipeline.finallyStages(), "finally", diags).run();
    post(pipeline.post(), "post", new LinkedHashMap<>(), null, diags);
  }

  private void stages(List<Stage> stages, String field, Map<String, Stage> seen, Diagnostics diags) {
    for (int i = 0; i < stages.size(); i++) {
      Stage s = stages.get(i);
      String f = field + "[" + i + "]";
      if (s.name() != null) {
        Stage first = seen.putIfAbsent(s.name(), s);
        if (first != null) {
          diags.report(Code.DUPLICATE_STAGE, s.pos(), f + ".name", s.name(), first.pos().line());
        }
        label(s.name(), "stage", s.pos(), f + ".name", diags);
      }
      if (s.steps().isEmpty() && s.uses() == null) {
        diags.report(Code.EMPTY_STAGE, s.pos(), f + ".steps", s.name() == null ? "" : s.name());
      }
      env(s.env(), f + ".env", diags);
      secrets(s.secrets(), f + ".secrets", diags);
      Map<String, Step> names = new LinkedHashMap<>();
      steps(s.steps(), f + ".steps", names, s.name(), diags);
      post(s.post(), f + ".post", names, s.name(), diags);
    }
  }

  private void post(Post post, String field, Map<String, Step> names, String stage, Diagnostics diags) {
    steps(post.always(), field + ".always", names, stage, diags);
    steps(post.success(), field + ".success", names, stage, diags);
    steps(post.failure(), field + ".failure", names, stage, diags);
    noGates(post.always(), field + ".always", diags);
    noGates(post.success(), field + ".success", diags);
    noGates(post.failure(), field + ".failure", diags);
  }

  /**
   * JX210: post steps run once the outcome is decided, and nothing may stop them half-way; an
   * approval gate there would hold a finished run open.
   */
  private static void noGates(List<Step> steps, String field, Diagnostics diags) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).isApproval()) {
        diags.report(Code.APPROVAL_IN_POST, steps.get(i).pos(), field + "[" + i + "].approval",
            steps.get(i).name());
      }
    }
  }

  private void steps(List<Step> steps, String field, Map<String, Step> names, String stage, Diagnostics diags) {
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      String f = field + "[" + i + "]";
      if (s.name() != null) {
        Step first = names.putIfAbsent(s.name(), s);
        if (first != null) {
          diags.report(
              Code.DUPLICATE_STEP, s.pos(), f + ".name", s.name(), stage == null ? "post" : stage, first.pos().line());
        }
        label(s.name(), "step", s.pos(), f + ".name", diags);
      }
      env(s.env(), f + ".env", diags);
    }
  }

  private void env(List<EnvVar> env, String field, Diagnostics diags) {
    for (EnvVar e : env) {
      envName(e.name(), e.pos(), field + "." + e.name(), diags);
    }
  }

  private void secrets(List<SecretRef> secrets, String field, Diagnostics diags) {
    Map<String, SecretRef> byEnv = new HashMap<>();
    for (int i = 0; i < secrets.size(); i++) {
      SecretRef s = secrets.get(i);
      String f = field + "[" + i + "].env";
      envName(s.env(), s.pos(), f, diags);
      if (byEnv.putIfAbsent(s.env(), s) != null) {
        diags.report(Code.DUPLICATE_SECRET_ENV, s.pos(), f, s.env());
      }
    }
  }

  private static void envName(String name, Pos pos, String field, Diagnostics diags) {
    if (!Names.isEnvName(name)) {
      diags.report(Code.INVALID_ENV_NAME, pos, field, name);
    } else if (Names.isEngineVariable(name)) {
      diags.report(Code.RESERVED_ENV, pos, field, name);
    }
  }

  /** JX205 with a suggested valid name; {@code kind} (pipeline, stage, step) is also the fallback slug. */
  private static void label(String name, String kind, Pos pos, String field, Diagnostics diags) {
    Names.labelProblem(name)
        .ifPresent(
            problem ->
                diags.reportWithHint(
                    Code.INVALID_NAME, pos, field, Texts.get("hint.slug", Names.slug(name, kind)), name, kind, problem));
  }
}
