package io.jxengine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  @ParameterizedTest
  @CsvSource({
    "main, main, true",
    "main, main2, false",
    "release/*, release/1.0, true",
    "release/*, release/1.0/hotfix, false",
    "release/**, release/1.0/hotfix, true",
    "src/**, src/a/b/C.java, true",
    "src/**, src, false",
    "**/*.java, Main.java, true",
    "**/*.java, a/b/Main.java, true",
    "**/*.java, a/b/Main.kt, false",
    "*.md, docs/a.md, false",
    "docs/**/*.md, docs/a.md, true",
    "v*, v1.2.3, true",
    "v?.*, v1.2, true",
    "v?.*, v10.2, false",
    "feature/(x), feature/(x), true",
    "a.b, axb, false",
    "'[ab]', a, false",
  })
  void matches(String glob, String value, boolean expected) {
    assertThat(Glob.of(glob).matches(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"main, true", "dev, false"})
  void anyMatchOverAList(String value, boolean expected) {
    assertThat(Glob.anyMatch(List.of("release/*", "main"), value)).isEqualTo(expected);
    assertThat(Glob.anyMatch(List.of("main"), null)).isFalse();
  }
}
