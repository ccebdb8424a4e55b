package io.jxengine.scm;

import java.util.List;

/**
 * What a provider told us happened, normalised across GitHub, GitLab and Gitea. Every string here
 * comes from outside (branch names, titles, comment bodies): it may only reach steps as
 * environment variables, and must be validated before it is used in a path.
 */
public sealed interface GitEvent {
  RepoRef repo();

  /** The clone URL of the repository the event is about. */
  String cloneUrl();

  /**
   * A push of a branch or a tag.
   *
   * @param branch the branch pushed, or null for a tag
   * @param tag the tag pushed, or null for a branch
   * @param before the previous head (all zeros when created)
   * @param after the new head (all zeros when deleted)
   * @param changedPaths paths from the payload's commits, or null when the payload cannot tell
   *     (GitHub lists at most 20 commits; then the engine computes them with git)
   */
  record Push(
      RepoRef repo,
      String cloneUrl,
      String ref,
      String branch,
      String tag,
      String before,
      String after,
      boolean created,
      boolean deleted,
      String pusher,
      String headCommitMessage,
      String headCommitAuthor,
      List<String> changedPaths)
      implements GitEvent {
    public Push {
      changedPaths = changedPaths == null ? null : List.copyOf(changedPaths);
    }
  }

  /**
   * A pull (merge) request was opened, updated, reopened or closed.
   *
   * @param action opened, synchronize, reopened, closed, or another provider action
   * @param authorAssociation GitHub's OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE...; null
   *     where the provider does not say
   * @param fromFork true when the head repository is not the base repository
   */
  record PullRequest(
      RepoRef repo,
      String cloneUrl,
      String action,
      int number,
      String title,
      String author,
      String authorAssociation,
      String headRef,
      String headSha,
      String headCloneUrl,
      boolean fromFork,
      String baseRef,
      String baseSha,
      boolean merged,
      String htmlUrl)
      implements GitEvent {}

  /**
   * A comment on a pull request or an issue.
   *
   * @param onPullRequest false for comments on plain issues (ChatOps ignores those)
   */
  record Comment(
      RepoRef repo,
      String cloneUrl,
      String action,
      int number,
      boolean onPullRequest,
      String body,
      String author,
      String authorAssociation,
      long commentId,
      String htmlUrl)
      implements GitEvent {}

  /** The provider checking that the hook works. */
  record Ping(RepoRef repo, String cloneUrl, String hookId) implements GitEvent {}
}
