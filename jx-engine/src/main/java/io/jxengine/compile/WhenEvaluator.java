package io.jxengine.compile;

import io.jxengine.engine.RunContext;
import io.jxengine.model.When;
import java.util.List;

/**
 * Decides a stage's {@code when:} against a run. All given conditions must hold; within a list any
 * entry may match. Branch, tag and path entries are {@link Glob globs}; events are compared
 * exactly. A run without a tag never matches {@code tag}; a run whose changed paths are unknown
 * always matches {@code paths}. {@code cluster} and {@code env} are decided against {@link
 * WhenFacts}. Pure and thread-safe.
 */
public final class WhenEvaluator {
  private WhenEvaluator() {}

  /** As {@link #skipReason(When, RunContext, WhenFacts)} with no cluster and no variables. */
  public static String skipReason(When when, RunContext ctx) {
    return skipReason(when, ctx, WhenFacts.NONE);
  }

  /** Null when the stage runs; else the human reason it is skipped. */
  public static String skipReason(When when, RunContext ctx, WhenFacts facts) {
    if (when == null || when.isEmpty()) {
      return null;
    }
    String engine = engineReason(when, facts);
    if (engine != null) {
      return engine;
    }
    if (!when.branches().isEmpty() && !Glob.anyMatch(when.branches(), ctx.branch())) {
      return "branch `" + ctx.branch() + "` does not match " + list(when.branches());
    }
    if (!when.tags().isEmpty()) {
      if (ctx.tag() == null || ctx.tag().isEmpty()) {
        return "no tag is being built (tag must match " + list(when.tags()) + ")";
      }
      if (!Glob.anyMatch(when.tags(), ctx.tag())) {
        return "tag `" + ctx.tag() + "` does not match " + list(when.tags());
      }
    }
    if (!when.events().isEmpty() && !when.events().contains(ctx.event())) {
      return "event `" + ctx.event() + "` is not one of " + list(when.events());
    }
    if (!when.paths().isEmpty() && ctx.changedPaths() != null) {
      boolean any = ctx.changedPaths().stream().anyMatch(p -> Glob.anyMatch(when.paths(), p));
      if (!any) {
        return "no changed path matches " + list(when.paths());
      }
    }
    return null;
  }

  /** The conditions on the engine and the pipeline's configuration rather than on the run. */
  private static String engineReason(When when, WhenFacts facts) {
    if (when.cluster() != null && when.cluster() != facts.cluster()) {
      return when.cluster() ? "no Kubernetes cluster is configured (cluster: true)"
          : "a Kubernetes cluster is configured (cluster: false)";
    }
    for (String name : when.env()) {
      String value = facts.env().get(name);
      if (value == null || value.isEmpty()) {
        return "`" + name + "` is not set in the pipeline's or the stage's env";
      }
    }
    return null;
  }

  private static String list(List<String> items) {
    return "[" + String.join(", ", items) + "]";
  }
}
