package io.jxengine.scm.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jxengine.scm.CommentInfo;
import io.jxengine.scm.CommitStatus;
import io.jxengine.scm.GitProviderException;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.PullRequestInfo;
import io.jxengine.scm.RepoRef;
import io.jxengine.scm.provider.FakeGitProvider.Operation;
import org.junit.jupiter.api.Test;

class FakeGitProviderTest {
  static final RepoRef REPO = new RepoRef(ProviderKind.GITHUB, "acme", "app");
  final FakeGitProvider fake = new FakeGitProvider();

  @Test
  void recordsStatusesAndKnowsTheLatestPerContext() {
    fake.setCommitStatus(REPO, "abc", status(CommitStatus.State.PENDING, "ci"));
    fake.setCommitStatus(REPO, "abc", status(CommitStatus.State.SUCCESS, "ci"));
    fake.setCommitStatus(REPO, "abc", status(CommitStatus.State.FAILURE, "lint"));

    assertThat(fake.statuses()).hasSize(3);
    assertThat(fake.latestStatus(REPO, "abc", "ci"))
        .map(CommitStatus::state)
        .contains(CommitStatus.State.SUCCESS);
    assertThat(fake.latestStatus(REPO, "abc", "lint"))
        .map(CommitStatus::state)
        .contains(CommitStatus.State.FAILURE);
    assertThat(fake.latestStatus(REPO, "other", "ci")).isEmpty();
  }

  @Test
  void upsertCommentKeepsOneCommentPerMarker() {
    CommentInfo first = fake.upsertComment(REPO, 7, "summary", "running");
    fake.upsertComment(REPO, 7, "other", "hello");
    CommentInfo second = fake.upsertComment(REPO, 7, "summary", "done");

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(fake.comments(REPO, 7))
        .extracting(CommentInfo::body)
        .containsExactly("done\n\n<!-- jxe:summary -->", "hello\n\n<!-- jxe:other -->");
  }

  @Test
  void pullRequestLifecycle() {
    PullRequestInfo opened = fake.openPullRequest(REPO, "feature", "main", "Add", "body");

    assertThat(fake.findOpenPullRequest(REPO, "feature", "main")).contains(opened);
    assertThat(fake.findOpenPullRequest(REPO, "feature", "release")).isEmpty();
    assertThat(status(() -> fake.openPullRequest(REPO, "feature", "main", "Again", "")))
        .isEqualTo(422);

    fake.pushHead(REPO, opened.number(), "new-sha");
    assertThat(status(() -> fake.merge(REPO, opened.number(), opened.headSha(), "Merge")))
        .isEqualTo(409);

    PullRequestInfo merged = fake.merge(REPO, opened.number(), "new-sha", "Merge");
    assertThat(merged.merged()).isTrue();
    assertThat(merged.state()).isEqualTo("closed");
    assertThat(merged.mergeSha()).isNotNull();
    assertThat(fake.getPullRequest(REPO, opened.number())).isEqualTo(merged);
    assertThat(fake.findOpenPullRequest(REPO, "feature", "main")).isEmpty();
  }

  @Test
  void closedOrUnmergeablePullRequestsRefuseToMerge() {
    PullRequestInfo a = fake.openPullRequest(REPO, "a", "main", "A", "");
    PullRequestInfo b = fake.openPullRequest(REPO, "b", "main", "B", "");
    fake.closePullRequest(REPO, a.number());
    fake.setMergeable(REPO, b.number(), false);

    assertThat(status(() -> fake.merge(REPO, a.number(), a.headSha(), "m"))).isEqualTo(405);
    assertThat(status(() -> fake.merge(REPO, b.number(), b.headSha(), "m"))).isEqualTo(405);
    assertThat(status(() -> fake.getPullRequest(REPO, 99))).isEqualTo(404);
  }

  @Test
  void accessAndMembershipAreWhatTheTestArranged() {
    fake.grantWriteAccess(REPO, "alice");
    fake.addOrgMember("acme", "bob");

    assertThat(fake.hasWriteAccess(REPO, "alice")).isTrue();
    assertThat(fake.hasWriteAccess(REPO, "bob")).isFalse();
    assertThat(fake.isOrgMember("acme", "bob")).isTrue();
    assertThat(fake.isOrgMember("acme", "alice")).isFalse();

    fake.revokeWriteAccess(REPO, "alice");
    fake.removeOrgMember("acme", "bob");
    assertThat(fake.hasWriteAccess(REPO, "alice")).isFalse();
    assertThat(fake.isOrgMember("acme", "bob")).isFalse();
  }

  @Test
  void injectedFailuresCarryTheirStatus() {
    fake.failNext(Operation.SET_COMMIT_STATUS, 502);

    assertThat(
            status(
                () -> fake.setCommitStatus(REPO, "abc", status(CommitStatus.State.PENDING, "ci"))))
        .isEqualTo(502);
    fake.setCommitStatus(REPO, "abc", status(CommitStatus.State.PENDING, "ci"));
    assertThat(fake.statuses()).hasSize(1);

    fake.failAlways(Operation.IS_ORG_MEMBER, 0);
    assertThat(status(() -> fake.isOrgMember("acme", "x"))).isZero();
    assertThat(status(() -> fake.isOrgMember("acme", "x"))).isZero();
    fake.clearFailures();
    assertThat(fake.isOrgMember("acme", "x")).isFalse();
  }

  @Test
  void reportsTheKindItWasGiven() {
    assertThat(new FakeGitProvider(ProviderKind.GITLAB).kind()).isEqualTo(ProviderKind.GITLAB);
    assertThat(fake.kind()).isEqualTo(ProviderKind.GITHUB);
  }

  @Test
  void pushingToAnUnknownPullRequestIsATestMistake() {
    assertThatThrownBy(() -> fake.pushHead(REPO, 3, "x")).isInstanceOf(GitProviderException.class);
  }

  private static CommitStatus status(CommitStatus.State state, String context) {
    return new CommitStatus(state, context, "d", null);
  }

  private static int status(Runnable call) {
    return catchThrowableOfType(GitProviderException.class, call::run).status();
  }
}
