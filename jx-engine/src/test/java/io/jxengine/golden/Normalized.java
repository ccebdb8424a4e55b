package io.jxengine.golden;

import io.jxengine.model.EnvVar;
import io.jxengine.model.NameRef;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Pos;
import io.jxengine.model.Post;
import io.jxengine.model.SecretRef;
import io.jxengine.model.Stage;
import io.jxengine.model.Step;
import io.jxengine.model.Triggers;
import io.jxengine.model.When;
import java.util.List;

/** A pipeline with positions, file and {@code uses} provenance removed, for equality checks. */
final class Normalized {
  private static final Pos P = Pos.UNKNOWN;

  private Normalized() {}

  static Pipeline of(Pipeline p) {
    return new Pipeline(
        p.name(), "", p.source(), p.image(), env(p.env()), secrets(p.secrets()), triggers(p.triggers()),
        p.timeout(), p.concurrency(), stages(p.stages()), stages(p.finallyStages()), post(p.post()), P);
  }

  private static List<Stage> stages(List<Stage> stages) {
    return stages.stream()
        .map(
            s ->
                new Stage(
                    s.name(),
                    s.needs() == null ? null : s.needs().stream().map(n -> new NameRef(n.name(), P)).toList(),
                    s.image(), env(s.env()), secrets(s.secrets()), when(s.when()), s.timeout(),
                    steps(s.steps()), post(s.post()), null, P))
        .toList();
  }

  private static List<Step> steps(List<Step> steps) {
    return steps.stream()
        .map(s -> new Step(s.name(), s.run(), s.image(), s.dir(), env(s.env()), s.timeout(), s.retries(), null, P))
        .toList();
  }

  private static Post post(Post p) {
    return p.isEmpty() ? Post.NONE : new Post(steps(p.always()), steps(p.success()), steps(p.failure()), P);
  }

  private static List<EnvVar> env(List<EnvVar> env) {
    return env.stream().map(e -> new EnvVar(e.name(), e.value(), P)).toList();
  }

  private static List<SecretRef> secrets(List<SecretRef> s) {
    return s.stream().map(x -> new SecretRef(x.env(), x.secret(), x.key(), P)).toList();
  }

  private static When when(When w) {
    return w == null ? null
        : new When(w.branches(), w.tags(), w.events(), w.paths(), w.cluster(), w.env(), P);
  }

  private static Triggers triggers(Triggers t) {
    if (t == null) {
      return null;
    }
    Triggers.Push push =
        t.push() == null ? null : new Triggers.Push(t.push().branches(), t.push().tags(), t.push().paths(), t.push().ignorePaths(), P);
    Triggers.PullRequest pr =
        t.pullRequest() == null
            ? null
            : new Triggers.PullRequest(t.pullRequest().branches(), t.pullRequest().paths(), t.pullRequest().ignorePaths(), t.pullRequest().cancelSuperseded(), P);
    return new Triggers(
        push, pr, t.comments(), t.cron().stream().map(c -> new Triggers.Cron(c.schedule(), c.branch(), P)).toList(), P);
  }
}
