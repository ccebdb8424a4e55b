package io.jxengine.kube.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jxengine.scm.ProviderKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubeSettingsTest {
  static Map<String, String> minimal() {
    Map<String, String> env = new HashMap<>();
    env.put("JXE_NAMESPACE", "jx");
    env.put("JXE_WEBHOOK_SECRET", "s3cret");
    env.put("JXE_POD_NAME", "jxe-7d9f-abcde");
    return env;
  }

  @Test
  void defaultsFillWhatTheChartMayLeaveOut() {
    KubeSettings s = KubeSettings.fromEnvironment(minimal());

    assertThat(s.buildNamespaces()).containsExactly("jx");
    assertThat(s.buildServiceAccount()).isEqualTo("jx-engine-build");
    assertThat(s.leaseName()).isNull();
    assertThat(s.leaseDuration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(s.gitKind()).isEqualTo(ProviderKind.GITHUB);
    assertThat(s.instance()).matches("jxe-7d9f-abcde-[0-9a-f]{6}");
    assertThat(KubeSettings.fromEnvironment(minimal()).instance()).isNotEqualTo(s.instance());
    assertThat(s.toString()).doesNotContain("s3cret");
  }

  @Test
  void buildNamespacesAreTrimmedAndDeduplicated() {
    Map<String, String> env = minimal();
    env.put("JXE_BUILD_NAMESPACES", " builds-a,builds-b,,builds-a ");

    assertThat(KubeSettings.fromEnvironment(env).buildNamespaces())
        .containsExactly("builds-a", "builds-b");
  }

  @Test
  void everyProblemIsNamedInOneLine() {
    Map<String, String> env = new HashMap<>();
    env.put("JXE_BUILD_NAMESPACES", "Builds_A");
    env.put("JXE_LEADER_LEASE_SECONDS", "1");
    env.put("JXE_GIT_KIND", "bitbucket");
    env.put("JXE_GIT_API_URL", "ftp://example.com");
    env.put("JXE_LEADER_LEASE", "-bad-");

    assertThatThrownBy(() -> KubeSettings.fromEnvironment(env))
        .isInstanceOf(KubeSettings.InvalidException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")
            .contains("JXE_NAMESPACE", "JXE_WEBHOOK_SECRET", "JXE_BUILD_NAMESPACES",
                "JXE_LEADER_LEASE_SECONDS", "JXE_GIT_KIND", "JXE_GIT_API_URL",
                "JXE_LEADER_LEASE:"));
  }
}
