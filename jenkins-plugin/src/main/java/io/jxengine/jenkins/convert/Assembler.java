package io.jxengine.jenkins.convert;

import io.jxengine.diag.Code;
import io.jxengine.lint.Names;
import io.jxengine.model.NameRef;
import io.jxengine.model.Post;
import io.jxengine.model.Stage;
import io.jxengine.model.Step;
import io.jxengine.model.When;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns stage drafts into the model's stages: valid unique names (reported when they differ
 * from the Jenkinsfile's), {@code needs:} when the pipeline has parallel stages, conditions as
 * {@code when:} or as a shell test in front of each step, and step names.
 */
final class Assembler {
  private final Ctx ctx;

  Assembler(Ctx ctx) {
    this.ctx = ctx;
  }

  List<Stage> stages(List<StageDraft> drafts, boolean dag) {
    Map<StageDraft, String> names = new IdentityHashMap<>();
    Set<String> used = new HashSet<>();
    for (StageDraft d : drafts) {
      String name = Names.slug(d.jenkinsName, "stage");
      String unique = name;
      for (int i = 2; !used.add(unique); i++) {
        unique = (name.length() > 58 ? name.substring(0, 58) : name) + "-" + i;
      }
      if (!unique.equals(d.jenkinsName.toLowerCase(java.util.Locale.ROOT))) {
        ctx.diags.report(Code.RENAMED, d.pos, "", d.jenkinsName, unique);
      }
      names.put(d, unique);
    }
    List<Stage> out = new ArrayList<>();
    for (StageDraft d : drafts) {
      out.add(stage(d, names, dag));
    }
    return out;
  }

  private Stage stage(StageDraft d, Map<StageDraft, String> names, boolean dag) {
    When when = null;
    String guard = null;
    if (d.cond != null) {
      // with needs:, a skipped stage would stop every stage after it, as Jenkins' never does
      Optional<When> w = dag ? Optional.empty() : Cond.toWhen(d.cond, d.pos);
      if (w.isPresent()) {
        when = w.get();
      } else {
        guard = Cond.shell(d.cond);
        ctx.diags.report(Code.APPROXIMATED, d.pos, "", "when of stage '" + d.jenkinsName + "'",
            "tested by the stage's steps: when it does not hold, the stage succeeds without running its steps"
                + (Cond.readsChangeset(d.cond) ? ", and `changeset` counts as true" : ""));
      }
    }
    List<Step> steps = new ArrayList<>(d.steps);
    if (guard != null && steps.stream().anyMatch(Step::isApproval)) {
      ctx.diags.report(Code.APPROXIMATED, d.pos, "", "input of stage '" + d.jenkinsName + "'",
          "the approval is asked whether or not the stage's `when` holds (a gate runs no script"
              + " that could test it), as Jenkins does for a stage `input` without `beforeInput true`");
    }
    if (steps.isEmpty()) {
      steps.add(new Step(null, ": nothing to run after conversion", d.image, null, List.of(), null, 0, null, d.pos));
    }
    Set<String> stepNames = new HashSet<>();
    List<Step> named = name(steps, "step", guard, stepNames, d);
    Post post = new Post(
        name(d.postAlways, "post-always", guard, stepNames, d),
        name(d.postSuccess, "post-success", guard, stepNames, d),
        name(d.postFailure, "post-failure", guard, stepNames, d),
        d.pos);
    List<NameRef> needs = dag ? d.needs.stream().map(n -> new NameRef(names.get(n), d.pos)).toList() : null;
    return new Stage(names.get(d), needs, d.image, d.env, d.secrets, when, d.timeout, named, post, null, d.pos);
  }

  static List<Step> name(List<Step> steps, String prefix, String guard, Set<String> used, StageDraft d) {
    List<Step> out = new ArrayList<>();
    int n = 0;
    for (Step s : steps) {
      n++;
      String base = s.name() == null ? prefix + "-" + n : Names.slug(s.name(), prefix + "-" + n);
      String name = base;
      for (int i = 2; !used.add(name); i++) {
        name = base + "-" + i;
      }
      if (s.isApproval()) {
        out.add(Step.gate(name, s.approval(), s.pos())); // nothing to guard: a gate runs no script
        continue;
      }
      // a catalog step (junit) stays one unless the stage's guard must run first
      boolean keepUses = s.uses() != null && guard == null;
      String body = s.uses() != null && !keepUses ? JunitScript.run(s.uses()) : s.run();
      String run = keepUses ? null : guard == null ? body
          : "if ! { " + guard + "; }; then echo 'when does not hold: skipped'; exit 0; fi\n" + body;
      String image = s.image() != null ? s.image() : null;
      out.add(new Step(name, run, image, s.dir(), s.env(), s.timeout(), Math.max(s.retries(), d.retries),
          keepUses ? s.uses() : null, s.pos()));
    }
    return out;
  }
}
