package io.jxengine.server.ui;

import io.jxengine.scm.CommentInfo;
import io.jxengine.scm.CommitStatus;
import io.jxengine.scm.GitProvider;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.PullRequestInfo;
import io.jxengine.scm.RepoRef;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A GitHub stand-in that records the commit statuses the engine sends; a push needs nothing else
 * from a provider, so every other call fails loudly.
 */
final class RecordingStatuses implements GitProvider {
  /** One status as the engine sent it. */
  record Sent(RepoRef repo, String sha, CommitStatus status) {}

  final List<Sent> sent = new CopyOnWriteArrayList<>();

  @Override
  public ProviderKind kind() {
    return ProviderKind.GITHUB;
  }

  @Override
  public void setCommitStatus(RepoRef repo, String sha, CommitStatus status) {
    sent.add(new Sent(repo, sha, status));
  }

  @Override
  public CommentInfo upsertComment(RepoRef repo, int number, String marker, String body) {
    throw new UnsupportedOperationException("a push does not comment");
  }

  @Override
  public PullRequestInfo openPullRequest(
      RepoRef repo, String head, String base, String title, String body) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<PullRequestInfo> findOpenPullRequest(RepoRef repo, String head, String base) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PullRequestInfo getPullRequest(RepoRef repo, int number) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PullRequestInfo merge(RepoRef repo, int number, String expectedHeadSha, String title) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean hasWriteAccess(RepoRef repo, String user) {
    return false;
  }

  @Override
  public boolean isOrgMember(String org, String user) {
    return false;
  }
}
