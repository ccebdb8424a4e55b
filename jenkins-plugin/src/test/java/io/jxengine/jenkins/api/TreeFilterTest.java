package io.jxengine.jenkins.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TreeFilterTest {
  private static final Map<String, Object> ROOT = Map.of(
      "_class", "hudson.model.Hudson",
      "mode", "NORMAL",
      "jobs", List.of(
          Map.of("_class", "F", "name", "tools", "url", "u1", "jobs",
              List.of(Map.of("_class", "J", "name", "lint", "url", "u2", "color", "blue"))),
          Map.of("_class", "J", "name", "top", "url", "u3", "color", "red")));

  @Test
  void keepsOnlyNamedFieldsAtEveryLevelAndTheClass() {
    Object out = TreeFilter.parse("jobs[name,jobs[name,color]]").apply(ROOT);
    assertThat(out).isEqualTo(Map.of("_class", "hudson.model.Hudson", "jobs", List.of(
        Map.of("_class", "F", "name", "tools", "jobs",
            List.of(Map.of("_class", "J", "name", "lint", "color", "blue"))),
        Map.of("_class", "J", "name", "top"))));
  }

  @Test
  void aLeafOfObjectsKeepsOnlyTheirClass() {
    Object out = TreeFilter.parse("jobs").apply(ROOT);
    assertThat(out).isEqualTo(Map.of("_class", "hudson.model.Hudson",
        "jobs", List.of(Map.of("_class", "F"), Map.of("_class", "J"))));
  }

  @Test
  void rangesCutLists() {
    Map<String, Object> job = Map.of("builds", List.of(Map.of("number", 3), Map.of("number", 2),
        Map.of("number", 1)));
    assertThat(TreeFilter.parse("builds[number]{0,2}").apply(job))
        .isEqualTo(Map.of("builds", List.of(Map.of("number", 3), Map.of("number", 2))));
    assertThat(TreeFilter.parse("builds[number]{1}").apply(job))
        .isEqualTo(Map.of("builds", List.of(Map.of("number", 2))));
    assertThat(TreeFilter.parse("builds[number]{2,}").apply(job))
        .isEqualTo(Map.of("builds", List.of(Map.of("number", 1))));
  }

  @Test
  void malformedExpressionsAre400() {
    for (String bad : List.of("jobs[name", "jobs]", "a,,b", "a{x}", "", "a[]", "a{-1,2}")) {
      assertThatThrownBy(() -> TreeFilter.parse(bad)).as(bad)
          .isInstanceOfSatisfying(JenkinsApiException.class,
              e -> assertThat(e.status()).isEqualTo(400));
    }
  }
}
