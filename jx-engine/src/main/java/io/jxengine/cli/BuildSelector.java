package io.jxengine.cli;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.Status;
import java.util.List;
import java.util.Optional;

/**
 * Picks a build from the command line's {@code [owner/repo/branch] [#N]}: the named build, the
 * newest of that pipeline, or the newest of all. Branch names may contain slashes.
 */
final class BuildSelector {
  private BuildSelector() {}

  /** {@code owner/repo[/branch...]} split in three (branch may be null). */
  record PipelineName(String owner, String repo, String branch) {
    static PipelineName parse(String s) {
      if (s == null || s.isBlank()) {
        return new PipelineName(null, null, null);
      }
      String[] parts = s.split("/", 3);
      if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
        throw new UserException("expected owner/repo or owner/repo/branch, got `" + s + "`");
      }
      return new PipelineName(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }
  }

  /**
   * @param args positional words: an optional {@code owner/repo/branch} and an optional {@code #N}
   *     (or {@code N})
   * @param runningOnly pick only builds still running, waiting for approval included (for stop)
   */
  static Activity select(ActivityStore store, List<String> args, boolean runningOnly) {
    return select(store, args,
        runningOnly ? List.of(Status.Running, Status.WaitingForApproval) : List.of(),
        runningOnly ? "no running builds" : "no builds");
  }

  /** As {@link #select}, the newest build waiting for approval when no number is given. */
  static Activity selectWaiting(ActivityStore store, List<String> args) {
    return select(
        store, args, List.of(Status.WaitingForApproval), "no builds waiting for approval");
  }

  private static Activity select(
      ActivityStore store, List<String> args, List<Status> statuses, String none) {
    String pipeline = null;
    Integer build = null;
    for (String a : args) {
      if (a.matches("#?\\d+")) {
        build = Integer.parseInt(a.startsWith("#") ? a.substring(1) : a);
      } else if (pipeline == null) {
        pipeline = a;
      } else {
        throw new UserException("unexpected argument `" + a + "`");
      }
    }
    PipelineName p = PipelineName.parse(pipeline);
    if (build != null) {
      if (p.branch() == null) {
        Optional<Activity> newest = newest(store, p, List.of());
        if (newest.isEmpty()) {
          throw new UserException("no builds" + describe(p));
        }
        p = new PipelineName(newest.get().owner(), newest.get().repo(), newest.get().branch());
      }
      final PipelineName q = p;
      final int n = build;
      return store
          .find(p.owner(), p.repo(), p.branch(), build)
          .orElseThrow(
              () -> new UserException("no build " + q.owner() + "/" + q.repo() + "/" + q.branch()
                  + " #" + n));
    }
    final PipelineName named = p;
    return newest(store, p, statuses)
        .orElseThrow(
            () -> new UserException(
                none + describe(named)));
  }

  /** The newest build in one of {@code statuses} (any status when empty). */
  private static Optional<Activity> newest(
      ActivityStore store, PipelineName p, List<Status> statuses) {
    List<Status> each = statuses.isEmpty() ? java.util.Collections.singletonList(null) : statuses;
    return each.stream()
        .flatMap(status -> store
            .list(new ActivityFilter(p.owner(), p.repo(), p.branch(), status, null, 1)).stream())
        .max(java.util.Comparator.comparingLong(Activity::id));
  }

  private static String describe(PipelineName p) {
    if (p.owner() == null) {
      return " yet; run one with `jxe run`";
    }
    return " of " + p.owner() + "/" + p.repo() + (p.branch() == null ? "" : "/" + p.branch());
  }
}
