package io.jxengine.kube.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KubeLabelsTest {
  static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

  @Test
  void keepsValidNamesAsTheyAre() {
    String max = "a".repeat(63);
    assertThat(KubeLabels.dnsLabel("acme-web-1")).isEqualTo("acme-web-1");
    assertThat(KubeLabels.dnsLabel(max)).isEqualTo(max);
    assertThat(KubeLabels.value("feature_x.2")).isEqualTo("feature_x.2");
    assertThat(KubeLabels.value("")).isEmpty();
  }

  @Test
  void shortensLongNamesWithAStableHashThatTellsThemApart() {
    String a = KubeLabels.dnsLabel("a".repeat(64));
    String b = KubeLabels.dnsLabel("a".repeat(65));

    assertThat(a).hasSize(63).matches(DNS_LABEL).isEqualTo(KubeLabels.dnsLabel("a".repeat(64)));
    assertThat(b).hasSize(63).matches(DNS_LABEL).isNotEqualTo(a);
  }

  @Test
  void rewritesInvalidCharactersAndKeepsRewrittenNamesApart() {
    String upper = KubeLabels.dnsLabel("Acme/Web_App-feature/X");
    String lower = KubeLabels.dnsLabel("acme-web-app-feature-x");

    assertThat(upper).matches(DNS_LABEL).startsWith("acme-web-app-feature-x-").isNotEqualTo(lower);
    assertThat(KubeLabels.dnsLabel("---")).matches(DNS_LABEL).hasSize(8);
    assertThat(KubeLabels.value("feature/Über-long" + "x".repeat(80)))
        .matches(LABEL_VALUE)
        .hasSizeLessThanOrEqualTo(63);
    assertThat(KubeLabels.value("-x-")).matches(LABEL_VALUE);
  }
}
