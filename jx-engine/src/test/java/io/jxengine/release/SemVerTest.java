package io.jxengine.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerTest {
  @ParameterizedTest
  @ValueSource(strings = {"1.2.3", "0.0.0", "10.20.30", "1.0.0-rc.1", "1.0.0-alpha-a.b-c+build.1-aef.1"})
  void parsesAndPrintsSemanticVersions(String text) {
    assertThat(SemVer.parse(text)).map(SemVer::toString).contains(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "1.2", "v1.2.3", "01.2.3", "1.2.3.4", "1.2.3-", "1.2.3-01", "latest", "1.2.3 "})
  void refusesWhatIsNotSemver(String text) {
    assertThat(SemVer.parse(text)).isEmpty();
  }

  @Test
  void refusesHugeInputWithoutScanningIt() {
    assertThat(SemVer.parse("1.2.3-" + "a".repeat(10_000))).isEmpty();
  }

  @Test
  void ordersByPrecedenceAsSemverDefinesIt() {
    List<String> expected = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
        "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "2.0.0");
    List<String> shuffled = new java.util.ArrayList<>(expected);
    java.util.Collections.reverse(shuffled);
    assertThat(shuffled.stream().map(s -> SemVer.parse(s).orElseThrow()).sorted().map(SemVer::toString))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void tagPrefixMustBeThere() {
    assertThat(SemVer.parseTag("v1.2.3", "v")).contains(SemVer.of(1, 2, 3));
    assertThat(SemVer.parseTag("1.2.3", "v")).isEmpty();
    assertThat(SemVer.parseTag("1.2.3", "")).contains(SemVer.of(1, 2, 3));
    assertThat(Stream.of(SemVer.of(1, 2, 3).nextPatch(), SemVer.of(1, 2, 3).nextMinor(), SemVer.of(1, 2, 3).nextMajor())
        .map(SemVer::toString)).containsExactly("1.2.4", "1.3.0", "2.0.0");
  }
}
