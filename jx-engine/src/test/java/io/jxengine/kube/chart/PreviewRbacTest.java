package io.jxengine.kube.chart;

import static io.jxengine.kube.chart.RenderedChart.NAMESPACE;
import static io.jxengine.kube.chart.RenderedChart.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Preview rights are off by default, and least-privilege (no Secrets, no wildcards) when on. */
class PreviewRbacTest {
  @Test
  void offByDefault() {
    assertThat(render(Map.of()).all(ClusterRole.class))
        .noneMatch(r -> r.getMetadata().getName().endsWith("-previews"));
  }

  @Test
  void namespacesAndPreviewRecordsWithoutSecretsWhenEnabled() {
    RenderedChart chart = render(Map.of("previews", Map.of("enabled", true)));

    assertThat(RbacPolicy.violations(chart.objects, NAMESPACE)).isEmpty();
    ClusterRole cluster = chart.all(ClusterRole.class).stream()
        .filter(r -> r.getMetadata().getName().endsWith("-previews")).findFirst().orElseThrow();
    assertThat(cluster.getRules()).anySatisfy(r -> {
      assertThat(r.getResources()).contains("namespaces");
      assertThat(r.getVerbs()).contains("create", "delete");
    });
    Role records = chart.all(Role.class).stream()
        .filter(r -> r.getMetadata().getName().endsWith("-preview-records")).findFirst()
        .orElseThrow();
    assertThat(records.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
    assertThat(records.getRules()).singleElement()
        .satisfies(r -> assertThat(r.getResources()).containsExactly("previews"));
  }
}
