package io.jxengine.scm;

import java.util.List;
import java.util.Optional;

/**
 * What the engine asks of a git provider's API. Implementations: GitHub (hub4j github-api), GitLab
 * (gitlab4j-api) and an in-memory fake for tests. Thread-safe. Every failure of the API is a
 * {@link GitProviderException} carrying the HTTP status; implementations apply timeouts so no
 * call hangs forever.
 */
public interface GitProvider {
  ProviderKind kind();

  /** Sets the status of {@code sha} for {@code status.context()} (replacing the previous one). */
  void setCommitStatus(RepoRef repo, String sha, CommitStatus status);

  /**
   * Creates the engine's comment on a pull request, or updates it if one carrying {@code marker}
   * (written as a hidden {@code <!-- jxe:marker -->} line) already exists, so repeated calls keep
   * one comment.
   */
  CommentInfo upsertComment(RepoRef repo, int number, String marker, String body);

  /** Opens a pull request from branch {@code head} into {@code base}. */
  PullRequestInfo openPullRequest(RepoRef repo, String head, String base, String title, String body);

  /** The open pull request from {@code head} into {@code base}, if there is one. */
  Optional<PullRequestInfo> findOpenPullRequest(RepoRef repo, String head, String base);

  PullRequestInfo getPullRequest(RepoRef repo, int number);

  /**
   * Merges a pull request, only if its head is still {@code expectedHeadSha}.
   *
   * @return the pull request after the merge (merged, with its merge SHA)
   */
  PullRequestInfo merge(RepoRef repo, int number, String expectedHeadSha, String commitTitle);

  /** True when {@code user} may push to the repository (GitHub: write permission or above). */
  boolean hasWriteAccess(RepoRef repo, String user);

  /** True when {@code user} is a member of the organisation (or group) {@code org}. */
  boolean isOrgMember(String org, String user);

  /**
   * The statuses of {@code sha}, the newest one of each context. Providers without it answer 501
   * (a {@link GitProviderException}).
   */
  default List<CommitStatus> commitStatuses(RepoRef repo, String sha) {
    throw new GitProviderException(501, kind() + ": reading commit statuses is not supported", null);
  }

  /**
   * The check runs of {@code sha} (GitHub's Checks API), the newest one of each name, as
   * statuses: queued or in progress is PENDING; a completed run is SUCCESS when its conclusion is
   * success, neutral or skipped, FAILURE otherwise. Providers without check runs have none (the
   * default), so callers combine these with {@link #commitStatuses}.
   */
  default List<CommitStatus> checkRuns(RepoRef repo, String sha) {
    return List.of();
  }

  /** The comments on a pull request, oldest first (GitLab: its notes, without system notes). */
  default List<PullRequestComment> pullRequestComments(RepoRef repo, int number) {
    throw new GitProviderException(501, kind() + ": listing comments is not supported", null);
  }

  /**
   * Creates an empty repository {@code repo} (in the organisation or group {@code repo.owner()},
   * or the token owner's account when that is the owner) and returns its HTTPS clone URL. A
   * repository that exists already is a 422 (GitHub) or 400 (GitLab).
   */
  default String createRepository(RepoRef repo, boolean privateRepository) {
    throw new GitProviderException(501, kind() + ": creating repositories is not supported", null);
  }

  /**
   * Creates the provider's release of the existing tag {@code tag} with Markdown {@code notes}, or
   * updates the name and notes of the release that tag already has, so running a release again
   * keeps one release. Providers without releases refuse (the default) with status 0.
   *
   * @return the release's web page
   */
  default String upsertRelease(RepoRef repo, String tag, String name, String notes) {
    throw new GitProviderException(
        0, kind() + " releases are not supported for " + repo.fullName(), null);
  }
}
