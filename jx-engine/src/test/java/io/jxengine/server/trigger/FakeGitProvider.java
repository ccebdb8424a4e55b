package io.jxengine.server.trigger;

import io.jxengine.scm.CommentInfo;
import io.jxengine.scm.CommitStatus;
import io.jxengine.scm.GitProvider;
import io.jxengine.scm.GitProviderException;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.PullRequestInfo;
import io.jxengine.scm.RepoRef;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Just enough of a provider for the planner: pull requests, org members, writers. */
final class FakeGitProvider implements GitProvider {
  final Map<Integer, PullRequestInfo> pulls = new ConcurrentHashMap<>();
  final Set<String> orgMembers = new HashSet<>();
  final Set<String> writers = new HashSet<>();
  boolean failing;
  int membershipQuestions;

  void pull(int number, String headRef, String headSha, String baseRef) {
    pulls.put(number, new PullRequestInfo(number, "open", false, "title " + number, headRef,
        headSha, baseRef, "https://example.com/pr/" + number, null, null));
  }

  @Override
  public ProviderKind kind() {
    return ProviderKind.GITHUB;
  }

  @Override
  public void setCommitStatus(RepoRef repo, String sha, CommitStatus status) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CommentInfo upsertComment(RepoRef repo, int number, String marker, String body) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PullRequestInfo openPullRequest(RepoRef repo, String head, String base, String title, String body) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<PullRequestInfo> findOpenPullRequest(RepoRef repo, String head, String base) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PullRequestInfo getPullRequest(RepoRef repo, int number) {
    PullRequestInfo info = pulls.get(number);
    if (info == null) {
      throw new GitProviderException(404, "no pull request " + number, null);
    }
    return info;
  }

  @Override
  public PullRequestInfo merge(RepoRef repo, int number, String expectedHeadSha, String commitTitle) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean hasWriteAccess(RepoRef repo, String user) {
    check();
    return writers.contains(user);
  }

  @Override
  public boolean isOrgMember(String org, String user) {
    check();
    return orgMembers.contains(user);
  }

  private void check() {
    membershipQuestions++;
    if (failing) {
      throw new GitProviderException(502, "bad gateway", null);
    }
  }
}
