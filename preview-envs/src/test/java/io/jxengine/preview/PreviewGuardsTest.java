package io.jxengine.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PreviewGuardsTest {
  @Test
  void emptySpecsGiveTheDocumentedDefaults() {
    PreviewGuards g = PreviewGuards.parse("", "quota", null, "limits");
    assertThat(g).isEqualTo(PreviewGuards.DEFAULTS);
    assertThat(g.quotaText()).isEqualTo(
        "limits.cpu=4,limits.memory=8Gi,pods=20,requests.cpu=2,requests.memory=4Gi");
    assertThat(g.limitsText())
        .isEqualTo("cpu=500m,memory=512Mi,request.cpu=100m,request.memory=128Mi");
  }

  @Test
  void givenKeysReplaceDefaultsAndOthersStay() {
    PreviewGuards g = PreviewGuards.parse(" pods=5 , requests.storage=10Gi", "quota",
        "cpu=1.5", "limits");
    assertThat(g.quota()).containsEntry("pods", "5").containsEntry("requests.storage", "10Gi")
        .containsEntry("limits.memory", "8Gi");
    assertThat(g.limits()).containsEntry("cpu", "1.5").containsEntry("memory", "512Mi");
  }

  @Test
  void aBadQuantityIsRefusedNamingTheParameterAndTheEntry() {
    assertThatThrownBy(() -> PreviewGuards.parse("requests.cpu=lots", "--quota", null, "l"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--quota: requests.cpu=lots is not a Kubernetes quantity");
    assertThatThrownBy(() -> PreviewGuards.parse(null, "q", "memory=1Gb", "--limits"))
        .hasMessageStartingWith("--limits: memory=1Gb");
    assertThatThrownBy(() -> PreviewGuards.parse(null, "q", "swap=1Gi", "--limits"))
        .hasMessageContaining("unknown key `swap`");
    assertThatThrownBy(() -> PreviewGuards.parse("pods", "--quota", null, "l"))
        .hasMessageContaining("`pods` is not key=quantity");
    assertThatThrownBy(() -> PreviewGuards.parse("Pods;rm=1", "--quota", null, "l"))
        .hasMessageContaining("unknown key");
  }
}
