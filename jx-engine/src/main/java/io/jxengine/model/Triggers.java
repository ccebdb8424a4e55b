package io.jxengine.model;

import java.util.List;

/**
 * What starts the pipeline. Null members mean "not declared". When no {@code triggers:} block is
 * written, the pipeline runs on every push and every pull request (Jenkins X's default).
 */
public record Triggers(
    Push push, PullRequest pullRequest, List<String> comments, List<Cron> cron, Pos pos) {
  public Triggers {
    comments = List.copyOf(comments);
    cron = List.copyOf(cron);
  }

  /**
   * Push filters, as GitHub Actions reads them: with neither list, every branch and tag; with
   * only {@code branches}, those branches and no tags; with only {@code tags}, those tags and no
   * branches. Path filters apply to branch pushes.
   */
  public record Push(
      List<String> branches, List<String> tags, List<String> paths, List<String> ignorePaths,
      Pos pos) {
    public Push {
      branches = List.copyOf(branches);
      tags = List.copyOf(tags);
      paths = List.copyOf(paths);
      ignorePaths = List.copyOf(ignorePaths);
    }
  }

  /**
   * Pull-request filters: base branches and changed paths.
   *
   * @param cancelSuperseded whether a newer push to the pull request stops this pipeline's
   *     builds of older commits (default true)
   */
  public record PullRequest(
      List<String> branches, List<String> paths, List<String> ignorePaths,
      boolean cancelSuperseded, Pos pos) {
    public PullRequest {
      branches = List.copyOf(branches);
      paths = List.copyOf(paths);
      ignorePaths = List.copyOf(ignorePaths);
    }

    public PullRequest(
        List<String> branches, List<String> paths, List<String> ignorePaths, Pos pos) {
      this(branches, paths, ignorePaths, true, pos);
    }
  }

  /** A cron schedule (five fields) and the branch it builds. */
  public record Cron(String schedule, String branch, Pos pos) {}
}
