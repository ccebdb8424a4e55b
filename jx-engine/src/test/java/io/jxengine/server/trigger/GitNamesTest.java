package io.jxengine.server.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GitNamesTest {
  @Test
  void safeBranches() {
    assertThat(GitNames.isSafeBranch("main")).isTrue();
    assertThat(GitNames.isSafeBranch("feature/x-1.2_y")).isTrue();
  }

  @Test
  void hostileBranchesAreRefused() {
    for (String b : new String[] {
        "$(touch pwned)", "zzz\";echo${IFS}\"hi\";#", "-rf", "a..b", "a b", "x:y", "*", "a\nb",
        "refs/../x", "a\\b", "`id`", "", "x.lock", "/abs"}) {
      assertThat(GitNames.isSafeBranch(b)).as(b).isFalse();
    }
    assertThat(GitNames.isSafeBranch(null)).isFalse();
  }

  @Test
  void shas() {
    assertThat(GitNames.isSha("0123456789abcdef0123456789abcdef01234567")).isTrue();
    assertThat(GitNames.isSha("0123456789abcdef")).isFalse();
    assertThat(GitNames.isSha("$(touch pwned)0123456789abcdef0123456789a")).isFalse();
    assertThat(GitNames.isSha(null)).isFalse();
    assertThat(GitNames.isZeroSha("0000000000000000000000000000000000000000")).isTrue();
    assertThat(GitNames.isZeroSha("0123")).isFalse();
  }
}
