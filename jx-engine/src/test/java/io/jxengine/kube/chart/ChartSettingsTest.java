package io.jxengine.kube.chart;

import static io.jxengine.kube.chart.RenderedChart.FULLNAME;
import static io.jxengine.kube.chart.RenderedChart.NAMESPACE;
import static io.jxengine.kube.chart.RenderedChart.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.jxengine.kube.state.KubeSettings;
import io.jxengine.scm.ProviderKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The chart's Deployment and the engine's cluster settings agree: every variable the chart sets
 * is one the engine reads ({@link KubeSettings#NAMES}), and the environment the chart renders,
 * with its Secret and field references resolved as the kubelet would, configures {@code jxe
 * server --kube} without an error. And the engine may touch its state, and only that.
 */
class ChartSettingsTest {
  /** Read by the JVM, not by the engine. */
  static final Set<String> JVM = Set.of("JAVA_TOOL_OPTIONS");

  static final Map<String, Object> FULL = Map.of(
      "buildNamespaces", List.of("builds-a", "builds-b"),
      "leaderElection", Map.of("leaseName", "engine-lease", "leaseDurationSeconds", 20),
      "gitProvider", Map.of("kind", "gitlab", "apiUrl", "https://gitlab.example.com/api/v4",
          "token", Map.of("secretName", "git-token", "secretKey", "api-token")));

  @Test
  void everyVariableTheChartSetsIsOneTheEngineReads() {
    for (Map<String, Object> values : List.of(Map.<String, Object>of(), FULL)) {
      List<String> names = env(deployment(render(values))).stream().map(EnvVar::getName).toList();

      assertThat(names).allSatisfy(name -> assertThat(
          KubeSettings.NAMES.contains(name) || JVM.contains(name))
          .as("the engine reads %s", name).isTrue());
      assertThat(names).contains(KubeSettings.NAMESPACE, KubeSettings.WEBHOOK_SECRET,
          KubeSettings.LEADER_LEASE, KubeSettings.POD_NAME);
    }
  }

  @Test
  void theRenderedEnvironmentConfiguresTheEngine() {
    KubeSettings settings = KubeSettings.fromEnvironment(resolved(deployment(render(FULL))));

    assertThat(settings.namespace()).isEqualTo(NAMESPACE);
    assertThat(settings.buildNamespaces()).containsExactly("builds-a", "builds-b");
    assertThat(settings.buildServiceAccount()).isEqualTo("jx-engine-build");
    assertThat(settings.leaseName()).isEqualTo("engine-lease");
    assertThat(settings.leaseDuration()).isEqualTo(Duration.ofSeconds(20));
    assertThat(settings.gitKind()).isEqualTo(ProviderKind.GITLAB);
    assertThat(settings.gitApiUrl()).isEqualTo("https://gitlab.example.com/api/v4");
    assertThat(settings.gitToken()).isEqualTo("secret:git-token/api-token");
    assertThat(settings.webhookSecret()).isEqualTo("secret:" + FULLNAME + "-webhook/webhook-secret");
    assertThat(settings.instance()).startsWith("pod:metadata.name-");

    KubeSettings defaults = KubeSettings.fromEnvironment(resolved(deployment(render(Map.of()))));
    assertThat(defaults.buildNamespaces()).containsExactly(NAMESPACE);
    assertThat(defaults.leaseName()).isEqualTo(FULLNAME + "-leader");
    assertThat(defaults.leaseDuration()).isEqualTo(KubeSettings.DEFAULT_LEASE);
    assertThat(defaults.gitToken()).isNull();

    KubeSettings single = KubeSettings.fromEnvironment(resolved(deployment(
        render(Map.of("leaderElection", Map.of("enabled", false))))));
    assertThat(single.leaseName()).isNull();
  }

  @Test
  void theEngineMayKeepItsStateInItsNamespaceOnly() {
    RenderedChart chart = render(Map.of("buildNamespaces", List.of("builds-a")));

    Role state = chart.one(Role.class, NAMESPACE, FULLNAME + "-state");
    assertThat(state.getRules()).extracting(ChartTest::rule).containsExactly(
        "jx-engine.io pipelineactivities get,list,watch,create,update,patch,delete",
        "jx-engine.io pipelineactivities/status get,update,patch",
        " configmaps get,list,watch,create,update,delete");
    assertThat(chart.all(Role.class)).filteredOn(r -> r.getMetadata().getName().endsWith("-state"))
        .hasSize(1);
  }

  static Deployment deployment(RenderedChart chart) {
    return ChartTest.deployment(chart);
  }

  static List<EnvVar> env(Deployment d) {
    return d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
  }

  /** The environment the container gets: references stand for the values they point at. */
  static Map<String, String> resolved(Deployment d) {
    Map<String, String> out = new HashMap<>();
    for (EnvVar e : env(d)) {
      if (e.getValue() != null) {
        out.put(e.getName(), e.getValue());
      } else if (e.getValueFrom().getSecretKeyRef() != null) {
        var ref = e.getValueFrom().getSecretKeyRef();
        out.put(e.getName(), "secret:" + ref.getName() + "/" + ref.getKey());
      } else if (e.getValueFrom().getFieldRef() != null) {
        String path = e.getValueFrom().getFieldRef().getFieldPath();
        out.put(e.getName(), path.equals("metadata.namespace") ? NAMESPACE : "pod:" + path);
      }
    }
    return out;
  }
}
