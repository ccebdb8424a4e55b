package io.jxengine.scm.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.scm.PullRequestInfo;
import org.gitlab4j.api.models.AccessLevel;
import org.gitlab4j.api.models.MergeRequest;
import org.junit.jupiter.api.Test;

class GitLabMappingTest {
  @Test
  void openedAndLockedAreOpenMergedIsClosedAndMerged() {
    assertThat(GitLabMapping.pullRequest(mr("opened")).state()).isEqualTo("open");
    assertThat(GitLabMapping.pullRequest(mr("locked")).state()).isEqualTo("open");
    assertThat(GitLabMapping.pullRequest(mr("closed")))
        .extracting(PullRequestInfo::state, PullRequestInfo::merged)
        .containsExactly("closed", false);
    assertThat(GitLabMapping.pullRequest(mr("merged")))
        .extracting(PullRequestInfo::state, PullRequestInfo::merged)
        .containsExactly("closed", true);
  }

  @Test
  void fastForwardMergeUsesTheHeadAsMergeSha() {
    MergeRequest merged = mr("merged");

    assertThat(GitLabMapping.pullRequest(merged).mergeSha()).isEqualTo("head");
    merged.setMergeCommitSha("merge");
    assertThat(GitLabMapping.pullRequest(merged).mergeSha()).isEqualTo("merge");
    assertThat(GitLabMapping.pullRequest(mr("opened")).mergeSha()).isNull();
  }

  @Test
  void mergeabilityPrefersTheDetailedStatus() {
    assertThat(GitLabMapping.mergeable("mergeable", "cannot_be_merged")).isTrue();
    assertThat(GitLabMapping.mergeable("conflict", "can_be_merged")).isFalse();
    assertThat(GitLabMapping.mergeable("checking", "can_be_merged")).isNull();
    assertThat(GitLabMapping.mergeable(null, "can_be_merged")).isTrue();
    assertThat(GitLabMapping.mergeable(null, "cannot_be_merged")).isFalse();
    assertThat(GitLabMapping.mergeable(null, "unchecked")).isNull();
    assertThat(GitLabMapping.mergeable(null, null)).isNull();
  }

  @Test
  void developersAndAboveCanPush() {
    assertThat(GitLabMapping.canPush(AccessLevel.REPORTER)).isFalse();
    assertThat(GitLabMapping.canPush(AccessLevel.DEVELOPER)).isTrue();
    assertThat(GitLabMapping.canPush(AccessLevel.MAINTAINER)).isTrue();
    assertThat(GitLabMapping.canPush(AccessLevel.OWNER)).isTrue();
    assertThat(GitLabMapping.canPush(null)).isFalse();
  }

  @Test
  void noteUrlPointsIntoTheMergeRequest() {
    assertThat(GitLabMapping.noteUrl("https://gitlab.com/", "a/b/c", 5, 9))
        .isEqualTo("https://gitlab.com/a/b/c/-/merge_requests/5#note_9");
  }

  private static MergeRequest mr(String state) {
    MergeRequest mr = new MergeRequest();
    mr.setIid(5L);
    mr.setState(state);
    mr.setSha("head");
    mr.setSourceBranch("feature");
    mr.setTargetBranch("main");
    return mr;
  }
}
