package io.jxengine.compile.tekton;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.engine.RunContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeNamesTest {
  private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String LABEL_VALUE = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";

  @Test
  void aValidNameOfExactly63CharactersIsKept() {
    String name = "a".repeat(63);
    assertThat(KubeNames.label(name)).isEqualTo(name);
  }

  @Test
  void sixtyFourCharactersAreShortenedWithAStableHashOfTheWholeName() {
    String name = "a".repeat(64);
    String label = KubeNames.label(name);
    assertThat(label).hasSize(63).matches(DNS_LABEL).endsWith("-" + KubeNames.hash(name));
    assertThat(KubeNames.label(name)).isEqualTo(label);
  }

  @Test
  void longNamesThatShareAPrefixStayDistinct() {
    String prefix = "x".repeat(70);
    assertThat(KubeNames.label(prefix + "-one")).isNotEqualTo(KubeNames.label(prefix + "-two"));
  }

  @Test
  void invalidCharactersBecomeDashesAndEdgesAreTrimmed() {
    assertThat(KubeNames.label("--Feature/Foo_Bar.. ")).isEqualTo("feature-foo-bar");
    assertThat(KubeNames.label("!!!")).isEqualTo("x");
    assertThat(KubeNames.label("-" + "b".repeat(62) + "-")).isEqualTo("b".repeat(62));
  }

  @Test
  void aShortenedNameNeverEndsWithADashBeforeTheHash() {
    String name = "a".repeat(53) + "-" + "b".repeat(20);
    assertThat(KubeNames.label(name)).matches(DNS_LABEL).doesNotContain("--");
  }

  @Test
  void labelValuesKeepCaseDotsAndUnderscoresAndAreShortenedAt63() {
    assertThat(KubeNames.labelValue("Release_1.2")).isEqualTo("Release_1.2");
    assertThat(KubeNames.labelValue("v".repeat(63))).isEqualTo("v".repeat(63));
    String long64 = "v".repeat(64);
    assertThat(KubeNames.labelValue(long64)).hasSize(63).matches(LABEL_VALUE);
    assertThat(KubeNames.labelValue("feature/x")).matches(LABEL_VALUE).startsWith("feature-x-");
    assertThat(KubeNames.labelValue("/")).matches(LABEL_VALUE);
    assertThat(KubeNames.labelValue("")).isEmpty();
  }

  @Test
  void runNamesAndLabelsOfAPullRequest() {
    RunContext ctx =
        new RunContext("Acme", "Web.App", "feature/x", null, "pull_request", "", "", "", "", 42, "", "main",
            "", "", "presubmit", List.of());
    assertThat(KubeNames.runName(ctx, 3)).isEqualTo("acme-web-app-pr-42-3");
    assertThat(KubeNames.labels(ctx, "pr", 3))
        .containsEntry("jx-engine.io/owner", "Acme")
        .containsEntry("jx-engine.io/repository", "Web.App")
        .containsEntry("jx-engine.io/branch", "PR-42")
        .containsEntry("jx-engine.io/build", "3")
        .containsEntry("jx-engine.io/context", "pr");
  }

  @Test
  void aRunNameAtTheEdgeIsValid() {
    RunContext ctx =
        new RunContext("o".repeat(30), "r".repeat(30), "main", null, "push", "", "", "", "", null, "", null,
            null, "", "postsubmit", List.of());
    assertThat(KubeNames.runName(ctx, 12345)).hasSizeLessThanOrEqualTo(63).matches(DNS_LABEL);
  }
}
