package io.jxengine.compile.tekton;

import io.jxengine.compile.WhenEvaluator;
import io.jxengine.compile.WhenFacts;
import io.jxengine.engine.RunContext;
import io.jxengine.model.NameRef;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Stage;
import io.jxengine.model.When;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which stages go to the cluster, what each runs after and under which conditions.
 *
 * <p>A {@code when:} made only of exact branch, tag and event names becomes {@link Condition}s
 * that the cluster evaluates (Tekton when-expressions); anything else (globs, {@code paths},
 * {@code env}; {@code cluster}, which holds on a cluster) is decided now and a stage that does
 * not run is left out. Tekton runs the dependents of a task
 * skipped by its when-expressions, but in a DAG the engine does not run a stage whose needs were
 * skipped: so a DAG stage inherits the conditions of its needs, and a stage whose need is left out
 * is left out too. In a sequential pipeline a skipped stage does not stop the next ones (as
 * locally): a left-out stage's successor runs after the stage before it. Pure and thread-safe.
 */
public final class StageSelection {
  /** A condition the cluster checks: the run parameter {@code param} is one of {@code values}. */
  public record Condition(String param, List<String> values) {}

  /** A stage that is submitted. {@code runAfter} is empty for a first stage. */
  public record Selected(Stage stage, List<String> runAfter, List<Condition> conditions) {}

  /** The outcome: stages submitted, in file order, and stages left out. */
  public record Result(List<Selected> stages, List<Selected> finallyStages, List<SkippedStage> skipped) {}

  public static final String BRANCH_PARAM = "branch";
  public static final String EVENT_PARAM = "event";
  public static final String TAG_PARAM = "tag";

  private StageSelection() {}

  /** {@code express}: false decides every {@code when:} now (the Pod fallback has no conditions). */
  public static Result select(Pipeline p, RunContext ctx, boolean express) {
    List<SkippedStage> skipped = new ArrayList<>();
    List<Selected> stages = p.isDag() ? dag(p, ctx, express, skipped) : sequential(p, ctx, express, skipped);
    List<Selected> fin = new ArrayList<>();
    for (Stage s : p.finallyStages()) {
      Decision d = decide(p, s, ctx, express);
      if (d.skip != null) {
        skipped.add(new SkippedStage(s.name(), d.skip));
      } else {
        fin.add(new Selected(s, List.of(), d.conditions));
      }
    }
    return new Result(stages, fin, skipped);
  }

  private static List<Selected> sequential(
      Pipeline p, RunContext ctx, boolean express, List<SkippedStage> skipped) {
    List<Selected> out = new ArrayList<>();
    String previous = null;
    for (Stage s : p.stages()) {
      Decision d = decide(p, s, ctx, express);
      if (d.skip != null) {
        skipped.add(new SkippedStage(s.name(), d.skip));
        continue;
      }
      out.add(new Selected(s, previous == null ? List.of() : List.of(previous), d.conditions));
      previous = s.name();
    }
    return out;
  }

  private static List<Selected> dag(
      Pipeline p, RunContext ctx, boolean express, List<SkippedStage> skipped) {
    Map<String, Stage> byName = new HashMap<>();
    p.stages().forEach(s -> byName.put(s.name(), s));
    Map<String, Selected> done = new HashMap<>();
    Map<String, String> leftOut = new HashMap<>();
    for (Stage s : p.stages()) {
      visit(p, s, byName, ctx, express, done, leftOut);
    }
    List<Selected> out = new ArrayList<>();
    for (Stage s : p.stages()) {
      if (done.containsKey(s.name())) {
        out.add(done.get(s.name()));
      } else {
        skipped.add(new SkippedStage(s.name(), leftOut.get(s.name())));
      }
    }
    return out;
  }

  /** Memoised; the linter has rejected cycles and unknown needs already. */
  private static void visit(
      Pipeline p, Stage s, Map<String, Stage> byName, RunContext ctx, boolean express,
      Map<String, Selected> done, Map<String, String> leftOut) {
    if (done.containsKey(s.name()) || leftOut.containsKey(s.name())) {
      return;
    }
    Decision d = decide(p, s, ctx, express);
    if (d.skip != null) {
      leftOut.put(s.name(), d.skip);
      return;
    }
    Set<Condition> conditions = new LinkedHashSet<>(d.conditions);
    List<String> runAfter = new ArrayList<>();
    for (NameRef need : s.needs() == null ? List.<NameRef>of() : s.needs()) {
      Stage n = byName.get(need.name());
      if (n == null) {
        continue;
      }
      visit(p, n, byName, ctx, express, done, leftOut);
      if (leftOut.containsKey(n.name())) {
        leftOut.put(s.name(), "it needs `" + n.name() + "`, which is skipped");
        return;
      }
      runAfter.add(n.name());
      conditions.addAll(done.get(n.name()).conditions());
    }
    done.put(s.name(), new Selected(s, runAfter, List.copyOf(conditions)));
  }

  private record Decision(String skip, List<Condition> conditions) {}

  private static Decision decide(Pipeline p, Stage s, RunContext ctx, boolean express) {
    When when = s.when();
    if (when == null || when.isEmpty()) {
      return new Decision(null, List.of());
    }
    if (express && expressible(when)) {
      List<Condition> c = new ArrayList<>();
      if (!when.branches().isEmpty()) {
        c.add(new Condition(BRANCH_PARAM, when.branches()));
      }
      if (!when.tags().isEmpty()) {
        c.add(new Condition(TAG_PARAM, when.tags()));
      }
      if (!when.events().isEmpty()) {
        c.add(new Condition(EVENT_PARAM, when.events()));
      }
      return new Decision(null, c);
    }
    // on a cluster by definition: `cluster: true` holds
    String skip = WhenEvaluator.skipReason(when, ctx, WhenFacts.of(true, p, s));
    return new Decision(skip, List.of());
  }

  /** Exact names only: a glob or a path filter needs the engine's matcher. */
  static boolean expressible(When w) {
    return w.paths().isEmpty() && w.cluster() == null && w.env().isEmpty()
        && w.branches().stream().allMatch(StageSelection::exact)
        && w.tags().stream().allMatch(StageSelection::exact);
  }

  private static boolean exact(String pattern) {
    return pattern.chars().noneMatch(ch -> "*?[]{}\\".indexOf(ch) >= 0);
  }
}
