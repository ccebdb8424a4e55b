package io.jxengine.server;

import io.jxengine.scm.CommentInfo;
import io.jxengine.scm.CommitStatus;
import io.jxengine.scm.GitProvider;
import io.jxengine.scm.GitProviderException;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.PullRequestInfo;
import io.jxengine.scm.RepoRef;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A git provider that records the commit statuses it is sent; can be made to fail. */
final class RecordingProvider implements GitProvider {
  record Sent(RepoRef repo, String sha, CommitStatus status) {}

  record Comment(RepoRef repo, int number, String marker, String body) {}

  final List<Sent> statuses = new CopyOnWriteArrayList<>();
  final List<Comment> comments = new CopyOnWriteArrayList<>();
  volatile boolean failing;

  List<Sent> statusesOf(String sha) {
    return statuses.stream().filter(s -> s.sha().equals(sha)).toList();
  }

  @Override
  public ProviderKind kind() {
    return ProviderKind.GITHUB;
  }

  @Override
  public void setCommitStatus(RepoRef repo, String sha, CommitStatus status) {
    if (failing) {
      throw new GitProviderException(502, "the provider is down", null);
    }
    statuses.add(new Sent(repo, sha, status));
  }

  @Override
  public CommentInfo upsertComment(RepoRef repo, int number, String marker, String body) {
    comments.add(new Comment(repo, number, marker, body));
    return new CommentInfo(comments.size(), body, "https://example.com/c/" + comments.size());
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
