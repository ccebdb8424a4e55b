package io.jxengine.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.release.ConventionalCommit.Kind;
import org.junit.jupiter.api.Test;

class ConventionalCommitTest {
  @Test
  void readsTypeScopeAndSubject() {
    ConventionalCommit c = ConventionalCommit.parse("abc", "feat(parser): accept tabs (#42)\n\nbody");
    assertThat(c.kind()).isEqualTo(Kind.FEATURE);
    assertThat(c.scope()).isEqualTo("parser");
    assertThat(c.subject()).isEqualTo("accept tabs (#42)");
    assertThat(c.subjectWithoutPullRequest()).isEqualTo("accept tabs");
    assertThat(c.pullRequest()).isEqualTo(42);
    assertThat(c.breaking()).isFalse();
  }

  @Test
  void bangAndFooterMarkBreakingChanges() {
    assertThat(ConventionalCommit.parse("a", "fix!: drop the v1 API").breaking()).isTrue();
    assertThat(ConventionalCommit.parse("a", "refactor(core)!: rename").breaking()).isTrue();
    assertThat(ConventionalCommit.parse("a", "feat: x\n\nBREAKING CHANGE: config moved").breaking()).isTrue();
    assertThat(ConventionalCommit.parse("a", "feat: x\n\nBREAKING-CHANGE: config moved").breaking()).isTrue();
    assertThat(ConventionalCommit.parse("a", "feat: x\n\nnot a BREAKING CHANGE: here").breaking()).isFalse();
  }

  @Test
  void otherMessagesAreOther() {
    ConventionalCommit c = ConventionalCommit.parse("a", "Update README.md\r\nmore");
    assertThat(c.kind()).isEqualTo(Kind.OTHER);
    assertThat(c.subject()).isEqualTo("Update README.md");
    assertThat(ConventionalCommit.parse("a", "chore(deps): bump").kind()).isEqualTo(Kind.OTHER);
    assertThat(ConventionalCommit.parse("a", "FIX: upper case type").kind()).isEqualTo(Kind.FIX);
    assertThat(ConventionalCommit.parse("a", "Merge pull request #7 from a/b").pullRequest()).isEqualTo(7);
    assertThat(ConventionalCommit.parse("a", "").subject()).isEmpty();
  }
}
