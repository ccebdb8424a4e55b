package io.jxengine.kube.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker itself must catch every kind of violation, or the chart tests prove nothing. */
class RbacPolicyTest {
  static HasMetadata role(String namespace, PolicyRule rule) {
    return new RoleBuilder().withNewMetadata().withName("r").withNamespace(namespace)
        .endMetadata().withRules(rule).build();
  }

  static PolicyRule rule(String group, String resource, List<String> names, String... verbs) {
    return new PolicyRuleBuilder().withApiGroups(group).withResources(resource)
        .withResourceNames(names).withVerbs(verbs).build();
  }

  @Test
  void acceptsANarrowRule() {
    assertThat(RbacPolicy.violations(
        List.of(role("jx", rule("", "pods", List.of(), "get", "list")),
            role("jx", rule("", "secrets", List.of("token"), "get"))), "jx"))
        .isEmpty();
  }

  @Test
  void catchesEachViolation() {
    List<HasMetadata> bad = List.of(
        role("jx", rule("", "*", List.of(), "get")),
        role("jx", rule("*", "pods", List.of(), "get")),
        role("jx", rule("", "pods", List.of(), "*")),
        role("jx", rule("rbac.authorization.k8s.io", "roles", List.of(), "escalate")),
        role("jx", rule("rbac.authorization.k8s.io", "roles", List.of(), "bind")),
        role("jx", rule("", "users", List.of(), "impersonate")),
        role("jx", rule("", "secrets", List.of(), "get")),
        role("jx", rule("", "secrets", List.of("token"), "get", "list")),
        role("builds", rule("", "secrets", List.of("token"), "get")),
        new ClusterRoleBuilder().withNewMetadata().withName("c").endMetadata()
            .withRules(rule("", "secrets", List.of("token"), "get")).build());

    assertThat(RbacPolicy.violations(bad, "jx"))
        .hasSize(bad.size() + 1) // the ClusterRole is also outside the engine namespace
        .anyMatch(v -> v.contains("a ClusterRole grants secrets"));
  }
}
