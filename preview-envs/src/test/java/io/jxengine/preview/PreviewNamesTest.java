package io.jxengine.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PreviewNamesTest {
  static final String DNS1123 = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

  @Test
  void aPlainNameIsKeptAsJenkinsXWritesIt() {
    assertThat(PreviewNames.namespace("acme", "web", 12)).isEqualTo("jx-acme-web-pr-12");
  }

  @Test
  void aNameOfExactly63CharactersIsKeptAndOneMoreGetsAHash() {
    // "jx-" + owner + "-" + repo + "-pr-1" = 3 + 5 + 1 + repo + 5 = 63 → repo of 49 characters
    String repo49 = "r".repeat(49);
    String at63 = PreviewNames.namespace("owner", repo49, 1);
    assertThat(at63).hasSize(63).isEqualTo("jx-owner-" + repo49 + "-pr-1");

    String at64 = PreviewNames.namespace("owner", repo49 + "r", 1);
    assertThat(at64).hasSizeLessThanOrEqualTo(63).matches(DNS1123).endsWith("-pr-1")
        .matches(".*-[0-9a-f]{8}-pr-1");
    assertThat(PreviewNames.namespace("owner", repo49 + "r", 1)).isEqualTo(at64);
  }

  @Test
  void longNamesKeepThePullRequestNumberAndStayDistinct() {
    String a = PreviewNames.namespace("o".repeat(100), "a".repeat(100), 123456);
    String b = PreviewNames.namespace("o".repeat(100), "a".repeat(99) + "b", 123456);
    assertThat(a).hasSizeLessThanOrEqualTo(63).matches(DNS1123).endsWith("-pr-123456");
    assertThat(b).hasSizeLessThanOrEqualTo(63).matches(DNS1123).endsWith("-pr-123456");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void charactersKubernetesRefusesAreReplacedWithAHashSoNamesDoNotCollide() {
    String upper = PreviewNames.namespace("Acme_Corp", "Web.App", 7);
    String lower = PreviewNames.namespace("acme-corp", "web-app", 7);
    assertThat(upper).matches(DNS1123).startsWith("jx-acme-corp-web-app-").endsWith("-pr-7");
    assertThat(lower).isEqualTo("jx-acme-corp-web-app-pr-7");
    assertThat(upper).isNotEqualTo(lower);
    assertThat(PreviewNames.namespace("ÄÖÜ", "日本", 3)).matches(DNS1123).endsWith("-pr-3");
    assertThat(PreviewNames.namespace("--", "..", 3)).matches(DNS1123).endsWith("-pr-3");
  }

  @Test
  void aNonPositiveNumberIsRefused() {
    assertThatThrownBy(() -> PreviewNames.namespace("a", "b", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theHostPatternIsFilledAndAnInvalidHostRefused() {
    PreviewRequest r = request("Web_App", "{app}-pr-{number}.{domain}", "example.com");
    assertThat(r.host()).isEqualTo("web-app-pr-4.example.com");
    assertThat(request("web", "{namespace}.{domain}", "preview.test").host())
        .isEqualTo("jx-acme-web-pr-4.preview.test");
    assertThatThrownBy(() -> request("web", "{app}.{domain}", "Bad Domain!").host())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid DNS name");
  }

  static PreviewRequest request(String repo, String pattern, String domain) {
    return new PreviewRequest(new RepoRef(ProviderKind.GITHUB, "acme", repo), 4, null, "img:1",
        "1.0", null, pattern, domain, Duration.ofMinutes(1), Duration.ofHours(1), 3);
  }
}
