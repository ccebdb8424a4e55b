package io.jxengine.release;

import static io.jxengine.release.ReleaseRepos.commit;
import static io.jxengine.release.ReleaseRepos.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release history of real repositories (JGit). */
class VersionHistoryIT {
  @TempDir Path tmp;

  private SemVer next(Git git) throws Exception {
    VersionHistory.History h = VersionHistory.read(git.getRepository(), "HEAD", null, "v", false);
    return NextVersion.next(h.last() == null ? null : h.last().version(), h.commits());
  }

  @Test
  void noTagsStartsAtZeroOneZero() throws Exception {
    try (Git git = ReleaseRepos.init(tmp)) {
      commit(git, "feat: first");
      assertThat(next(git)).hasToString("0.1.0");
    }
  }

  @Test
  void commitsSinceTheHighestReachableTagDecide() throws Exception {
    try (Git git = ReleaseRepos.init(tmp)) {
      commit(git, "feat: first");
      tag(git, "v1.0.0");
      commit(git, "fix: a bug");
      tag(git, "v1.0.1-rc.1"); // a pre-release is no release
      ReleaseRepos.lightweightTag(git, "other-tag");
      commit(git, "feat: a feature (#5)");
      commit(git, "docs: words");
      VersionHistory.History h = VersionHistory.read(git.getRepository(), "HEAD", null, "v", false);
      assertThat(h.last().name()).isEqualTo("v1.0.0");
      assertThat(h.commits()).extracting(ConventionalCommit::subject)
          .containsExactly("words", "a feature (#5)", "a bug");
      assertThat(next(git)).hasToString("1.1.0");
      assertThat(next(git)).as("deterministic").hasToString("1.1.0");
    }
  }

  @Test
  void tagsOnOtherBranchesDoNotCount() throws Exception {
    try (Git git = ReleaseRepos.init(tmp)) {
      RevCommit base = commit(git, "feat: first");
      tag(git, "v1.0.0");
      git.checkout().setCreateBranch(true).setName("other").call();
      commit(git, "feat!: elsewhere");
      tag(git, "v2.0.0");
      git.checkout().setName("main").call();
      commit(git, "fix: here");
      assertThat(next(git)).hasToString("1.0.1");
      assertThat(base).isNotNull();
    }
  }

  @Test
  void aHigherTagFurtherBackStillWins() throws Exception {
    try (Git git = ReleaseRepos.init(tmp)) {
      commit(git, "feat: first");
      tag(git, "v2.0.0");
      commit(git, "fix: backport");
      tag(git, "v1.5.1"); // a maintenance tag merged back: lower, but nearer
      commit(git, "fix: more");
      VersionHistory.History h = VersionHistory.read(git.getRepository(), "HEAD", null, "v", false);
      assertThat(h.last().name()).isEqualTo("v2.0.0");
      assertThat(h.commits()).hasSize(2);
      assertThat(next(git)).hasToString("2.0.1");
    }
  }

  @Test
  void prefixSelectsTheTags() throws Exception {
    try (Git git = ReleaseRepos.init(tmp)) {
      commit(git, "feat: first");
      tag(git, "app-3.1.0");
      commit(git, "feat!: break");
      VersionHistory.History h = VersionHistory.read(git.getRepository(), "HEAD", null, "app-", false);
      assertThat(NextVersion.next(h.last().version(), h.commits())).hasToString("4.0.0");
    }
  }

  @Test
  void excludingTheReleasedCommitFindsThePreviousRelease() throws Exception {
    try (Git git = ReleaseRepos.init(tmp)) {
      commit(git, "feat: first");
      tag(git, "v0.1.0");
      commit(git, "fix: second");
      tag(git, "v0.1.1");
      VersionHistory.History h = VersionHistory.read(git.getRepository(), "HEAD", null, "v", true);
      assertThat(h.last().name()).isEqualTo("v0.1.0");
      assertThat(h.commits()).hasSize(1);
      VersionHistory.History given = VersionHistory.read(git.getRepository(), "HEAD", "v0.1.1", "v", true);
      assertThat(given.commits()).isEmpty();
      assertThatThrownBy(() -> VersionHistory.read(git.getRepository(), "HEAD", "v9.9.9", "v", true))
          .isInstanceOf(ReleaseException.class).hasMessageContaining("no tag 'v9.9.9'");
    }
  }

  @Test
  void emptyRepositoryIsAClearError() throws Exception {
    try (Git git = ReleaseRepos.init(tmp)) {
      assertThatThrownBy(() -> next(git)).isInstanceOf(ReleaseException.class)
          .hasMessageContaining("no commits yet");
    }
  }
}
