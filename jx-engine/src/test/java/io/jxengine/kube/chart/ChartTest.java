package io.jxengine.kube.chart;

import static io.jxengine.kube.chart.RenderedChart.FULLNAME;
import static io.jxengine.kube.chart.RenderedChart.NAMESPACE;
import static io.jxengine.kube.chart.RenderedChart.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Renders the Helm chart with helm-java's native helm and checks the objects it makes. */
class ChartTest {

  /** Values combinations with the objects each must make (kind -> count). */
  static Stream<Arguments> combinations() {
    return Stream.of(
        Arguments.of(Map.of(), Map.of(
            "Deployment", 1L, "Role", 4L, "RoleBinding", 4L, "Service", 1L,
            "ServiceAccount", 2L)),
        Arguments.of(Map.of("buildNamespaces", List.of("builds-a", "builds-b", NAMESPACE)),
            Map.of("Deployment", 1L, "Role", 6L, "RoleBinding", 6L, "Service", 1L,
                "ServiceAccount", 4L)),
        Arguments.of(Map.of(
            "ingress", Map.of("enabled", true, "host", "ci.example.com",
                "tls", Map.of("enabled", true, "secretName", "ci-tls")),
            "gitProvider", Map.of("kind", "gitlab", "apiUrl", "https://gitlab.example.com/api/v4",
                "token", Map.of("secretName", "git-token", "secretKey", "api-token")),
            "webhook", Map.of("existingSecret", "hook-secret")),
            Map.of("Deployment", 1L, "Ingress", 1L, "Role", 4L, "RoleBinding", 4L,
                "Service", 1L, "ServiceAccount", 2L)),
        Arguments.of(Map.of(
            "leaderElection", Map.of("enabled", false),
            "build", Map.of("podFallback", false, "serviceAccount", Map.of("create", false)),
            "serviceAccount", Map.of("create", false, "name", "engine")),
            Map.of("Deployment", 1L, "Role", 3L, "RoleBinding", 3L, "Service", 1L)));
  }

  @Test
  void defaultsMakeTheEngineAndItsRbacInTheReleaseNamespace() {
    RenderedChart chart = render(Map.of());

    assertThat(chart.kinds())
        .containsExactly(
            entry("Deployment", 1L), entry("Role", 4L), entry("RoleBinding", 4L),
            entry("Service", 1L), entry("ServiceAccount", 2L));
    chart.one(Role.class, NAMESPACE, FULLNAME + "-build");
    chart.one(Role.class, NAMESPACE, FULLNAME + "-leader-election");
    chart.one(Role.class, NAMESPACE, FULLNAME + "-secrets");
    chart.one(Role.class, NAMESPACE, FULLNAME + "-state");
    chart.one(ServiceAccount.class, NAMESPACE, FULLNAME);
    assertThat(chart.one(ServiceAccount.class, NAMESPACE, "jx-engine-build")
        .getAutomountServiceAccountToken()).isFalse();
    // The generated webhook secret is a pre-install hook, never part of the release manifest,
    // so an upgrade does not replace the value git providers hold.
    assertThat(chart.all(Secret.class)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("combinations")
  void everyCombinationMakesItsObjectsWithLeastPrivilegeRbac(
      Map<String, Object> values, Map<String, Long> kinds) {
    RenderedChart chart = render(values);

    assertThat(chart.kinds()).containsExactlyInAnyOrderEntriesOf(kinds);

    assertThat(RbacPolicy.violations(chart.objects, NAMESPACE)).isEmpty();
    assertThat(chart.all(ClusterRole.class)).isEmpty();
    for (RoleBinding binding : chart.all(RoleBinding.class)) {
      assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
      chart.one(Role.class, binding.getMetadata().getNamespace(), binding.getRoleRef().getName());
    }
  }

  @Test
  void eachBuildNamespaceGetsARoleAndABindingForTheEngineServiceAccount() {
    RenderedChart chart = render(Map.of("buildNamespaces", List.of("builds-a", "builds-b")));

    for (String ns : List.of("builds-a", "builds-b")) {
      Role role = chart.one(Role.class, ns, FULLNAME + "-build");
      assertThat(role.getRules()).extracting(ChartTest::rule).containsExactly(
          "tekton.dev pipelineruns,taskruns get,list,watch,create,delete,patch",
          " pods,pods/log get,list,watch",
          " pods create,delete",
          " persistentvolumeclaims create,delete,get,list",
          " events get,list,watch",
          "jx-engine.io pipelineactivities get,list,watch,create,update,patch,delete",
          "jx-engine.io pipelineactivities/status get,update,patch");
      RoleBinding binding = chart.one(RoleBinding.class, ns, FULLNAME + "-build");
      assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
      assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
        assertThat(s.getKind()).isEqualTo("ServiceAccount");
        assertThat(s.getName()).isEqualTo(FULLNAME);
        assertThat(s.getNamespace()).isEqualTo(NAMESPACE);
      });
      chart.one(ServiceAccount.class, ns, "jx-engine-build");
    }
    assertThat(chart.all(Role.class))
        .noneMatch(r -> r.getMetadata().getName().endsWith("-build")
            && NAMESPACE.equals(r.getMetadata().getNamespace()));
    assertThat(env(deployment(chart))).containsEntry("JXE_BUILD_NAMESPACES", "builds-a,builds-b");
  }

  @Test
  void withoutThePodFallbackTheEngineCannotCreatePods() {
    RenderedChart chart = render(Map.of("build", Map.of("podFallback", false)));

    assertThat(chart.one(Role.class, NAMESPACE, FULLNAME + "-build").getRules())
        .extracting(ChartTest::rule)
        .contains(" pods,pods/log get,list,watch")
        .noneMatch(r -> r.startsWith(" pods ") && r.contains("create"));
  }

  @Test
  void secretsAreReadableOnlyByNameInTheEngineNamespace() {
    RenderedChart chart = render(Map.of(
        "gitProvider", Map.of("token", Map.of("secretName", "git-token", "secretKey", "t")),
        "webhook", Map.of("existingSecret", "hook-secret", "secretKey", "s")));

    Role role = chart.one(Role.class, NAMESPACE, FULLNAME + "-secrets");
    assertThat(role.getRules()).singleElement().satisfies(r -> {
      assertThat(r.getResources()).containsExactly("secrets");
      assertThat(r.getVerbs()).containsExactly("get");
      assertThat(r.getResourceNames()).containsExactly("git-token", "hook-secret");
    });
    Container engine = deployment(chart).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(secretRef(engine, "JXE_GIT_TOKEN")).isEqualTo("git-token/t");
    assertThat(secretRef(engine, "JXE_WEBHOOK_SECRET")).isEqualTo("hook-secret/s");
  }

  @Test
  void aGeneratedWebhookSecretIsNamedAfterTheRelease() {
    RenderedChart chart = render(Map.of());

    assertThat(chart.one(Role.class, NAMESPACE, FULLNAME + "-secrets").getRules().get(0)
        .getResourceNames()).containsExactly(FULLNAME + "-webhook");
    Container engine = deployment(chart).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(secretRef(engine, "JXE_WEBHOOK_SECRET"))
        .isEqualTo(FULLNAME + "-webhook/webhook-secret");
    assertThat(engine.getEnv()).noneMatch(e -> e.getName().equals("JXE_GIT_TOKEN"));
  }

  @Test
  void leaderElectionMayCreateLeasesAndTouchOnlyItsOwn() {
    RenderedChart chart = render(Map.of());

    assertThat(chart.one(Role.class, NAMESPACE, FULLNAME + "-leader-election").getRules())
        .extracting(r -> rule(r) + " " + r.getResourceNames())
        .containsExactly(
            "coordination.k8s.io leases create []",
            "coordination.k8s.io leases get,update [" + FULLNAME + "-leader]");
    assertThat(env(deployment(chart))).containsEntry("JXE_LEADER_LEASE", FULLNAME + "-leader");

    RenderedChart off = render(Map.of("leaderElection", Map.of("enabled", false)));
    assertThat(off.all(Role.class)).noneMatch(r -> r.getMetadata().getName().contains("leader"));
    assertThat(env(deployment(off))).doesNotContainKey("JXE_LEADER_LEASE");
  }

  @Test
  void theEngineRunsNonRootOnAReadOnlyRootWithProbesAndResources() {
    Deployment deployment = deployment(render(Map.of()));
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container engine = pod.getContainers().get(0);

    assertThat(pod.getServiceAccountName()).isEqualTo(FULLNAME);
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(engine.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(engine.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(engine.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(engine.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);
    assertThat(engine.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(engine.getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo("http");
      assertThat(p.getContainerPort()).isEqualTo(8080);
    });
    assertThat(engine.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(engine.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(engine.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(engine.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(engine.getResources().getLimits()).containsKey("memory");
    assertThat(engine.getArgs()).containsSequence("--port", "8080")
        .containsSequence("--bind", "0.0.0.0").startsWith("server");
    // The root is read-only: the state directory and /tmp must be writable volumes.
    assertThat(engine.getVolumeMounts()).extracting(m -> m.getMountPath())
        .contains("/tmp", env(deployment).get("JXE_HOME"));
    assertThat(pod.getVolumes()).allSatisfy(v -> assertThat(v.getHostPath()).isNull());
  }

  @Test
  void anIngressOnlyWhenEnabled() {
    assertThat(render(Map.of()).all(Ingress.class)).isEmpty();

    RenderedChart chart = render(Map.of("ingress", Map.of(
        "enabled", true, "host", "ci.example.com", "className", "nginx",
        "tls", Map.of("enabled", true, "secretName", "ci-tls"))));

    Ingress ingress = chart.one(Ingress.class, NAMESPACE, FULLNAME);
    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    assertThat(ingress.getSpec().getTls()).singleElement().satisfies(t -> {
      assertThat(t.getHosts()).containsExactly("ci.example.com");
      assertThat(t.getSecretName()).isEqualTo("ci-tls");
    });
    assertThat(ingress.getSpec().getRules()).singleElement().satisfies(r -> {
      assertThat(r.getHost()).isEqualTo("ci.example.com");
      var backend = r.getHttp().getPaths().get(0).getBackend().getService();
      assertThat(backend.getName()).isEqualTo(FULLNAME);
      assertThat(backend.getPort().getName()).isEqualTo("http");
    });
  }

  @Test
  void gitProviderConfigurationReachesTheEngine() {
    Map<String, String> env = env(deployment(render(Map.of("gitProvider",
        Map.of("kind", "gitea", "apiUrl", "https://gitea.example.com/api/v1")))));

    assertThat(env).containsEntry("JXE_GIT_KIND", "gitea")
        .containsEntry("JXE_GIT_API_URL", "https://gitea.example.com/api/v1");
  }

  @Test
  void invalidValuesAreRefusedWithTheKeyToFix() {
    assertThatThrownBy(() -> render(Map.of("ingress", Map.of("enabled", true))))
        .hasMessageContaining("ingress.host");
    assertThatThrownBy(() -> render(Map.of("gitProvider", Map.of("kind", "svn"))))
        .hasMessageContaining("gitProvider.kind");
    assertThatThrownBy(() -> render(Map.of("ingress", Map.of("enabled", true, "host", "h",
        "tls", Map.of("enabled", true)))))
        .hasMessageContaining("ingress.tls.secretName");
  }

  @Test
  void helmLintPasses() {
    LintResult lint = new Helm(RepoPaths.chart()).lint().strict().call();

    assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
  }

  static Deployment deployment(RenderedChart chart) {
    return chart.one(Deployment.class, NAMESPACE, FULLNAME);
  }

  static Map<String, String> env(Deployment deployment) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (EnvVar e : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
      if (e.getValue() != null) {
        out.put(e.getName(), e.getValue());
      }
    }
    return out;
  }

  static String secretRef(Container c, String name) {
    return c.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
        .map(e -> e.getValueFrom().getSecretKeyRef())
        .map(r -> r.getName() + "/" + r.getKey())
        .orElse(null);
  }

  static String rule(PolicyRule r) {
    return String.join(",", r.getApiGroups()) + " " + String.join(",", r.getResources()) + " "
        + String.join(",", r.getVerbs());
  }
}
