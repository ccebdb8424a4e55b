package io.jxengine.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NextVersionTest {
  private static List<ConventionalCommit> commits(String... messages) {
    return Arrays.stream(messages).map(m -> ConventionalCommit.parse("0000000", m)).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "1.2.3 | fix: a                      | 1.2.4",
    "1.2.3 | chore: a                    | 1.2.4",
    "1.2.3 | fix: a;feat: b              | 1.3.0",
    "1.2.3 | feat: b;fix!: c             | 2.0.0",
    "1.2.3 | docs: x;feat: y\\n\\nBREAKING CHANGE: z | 2.0.0",
    "0.3.1 | fix: a                      | 0.3.2",
    "0.3.1 | feat: a                     | 0.4.0",
    "0.3.1 | feat!: a                    | 0.4.0",
  })
  void bumpsByTheStrongestCommit(String last, String messages, String expected) {
    SemVer from = SemVer.parse(last).orElseThrow();
    List<ConventionalCommit> since = commits(messages.replace("\\n", "\n").split(";"));
    assertThat(NextVersion.next(from, since)).hasToString(expected);
    // the same input, the same answer, whatever the order
    List<ConventionalCommit> reversed = new java.util.ArrayList<>(since);
    java.util.Collections.reverse(reversed);
    assertThat(NextVersion.next(from, reversed)).hasToString(expected);
  }

  @Test
  void firstReleaseIsZeroOneZero() {
    assertThat(NextVersion.next(null, commits("feat!: everything"))).hasToString("0.1.0");
    assertThat(NextVersion.next(null, List.of())).hasToString("0.1.0");
  }

  @Test
  void noCommitsSinceTheReleaseIsTheRelease() {
    assertThat(NextVersion.next(SemVer.of(1, 4, 0), List.of())).hasToString("1.4.0");
  }

  @Test
  void overrideMustBeSemver() {
    assertThat(NextVersion.override("v2.0.0", "v")).hasToString("2.0.0");
    assertThat(NextVersion.override("2.0.0-rc.1", "v")).hasToString("2.0.0-rc.1");
    assertThatThrownBy(() -> NextVersion.override("2.0", "v")).isInstanceOf(ReleaseException.class)
        .hasMessageContaining("'2.0' is not a semantic version");
    assertThatThrownBy(() -> NextVersion.override("latest", "")).isInstanceOf(ReleaseException.class);
  }
}
