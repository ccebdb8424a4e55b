package io.jxengine.compile;

import io.jxengine.engine.RunContext;
import io.jxengine.model.When;
import java.util.List;

/**
 * Decides a stage's {@code when:} against a run. All given conditions must hold; within a list any
 * entry may match. Branch, tag and path entries are {@link Glob globs}; events are compared
 * exactly. A run without a tag never matches {@code tag}; a run whose changed paths are unknown
 * always matches {@code paths}. Pure and thread-safe.
 */
public final class WhenEvaluator {
  private WhenEvaluator() {}

  /** Null when the stage runs; else the human reason it is skipped. */
  public static String skipReason(When when, RunContext ctx) {
    if (when == null || when.isEmpty()) {
      return null;
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

  private static String list(List<String> items) {
    return "[" + String.join(", ", items) + "]";
  }
}
