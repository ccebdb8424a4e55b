package io.jxengine.kube.chart;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The least-privilege rules the chart must keep, checked on rendered objects: no wildcard
 * anywhere, no escalate/bind/impersonate, Secrets only with {@code get} on named Secrets in the
 * engine's namespace, and no ClusterRole touching Secrets. Returns violations as text.
 */
final class RbacPolicy {
  private static final Set<String> FORBIDDEN_VERBS = Set.of("escalate", "bind", "impersonate");

  private RbacPolicy() {}

  static List<String> violations(List<HasMetadata> objects, String engineNamespace) {
    List<String> out = new ArrayList<>();
    for (HasMetadata o : objects) {
      String where = o.getKind() + " " + o.getMetadata().getNamespace() + "/"
          + o.getMetadata().getName();
      if (o instanceof Role role) {
        check(where, role.getRules(), role.getMetadata().getNamespace(), engineNamespace, out);
      } else if (o instanceof ClusterRole role) {
        for (PolicyRule rule : nullSafe(role.getRules())) {
          if (nullSafe(rule.getResources()).stream().anyMatch(RbacPolicy::isSecrets)
              || nullSafe(rule.getResources()).contains("*")) {
            out.add(where + ": a ClusterRole grants secrets");
          }
        }
        check(where, role.getRules(), null, engineNamespace, out);
      }
    }
    return out;
  }

  private static void check(
      String where, List<PolicyRule> rules, String namespace, String engineNamespace,
      List<String> out) {
    for (PolicyRule rule : nullSafe(rules)) {
      for (List<String> list :
          List.of(nullSafe(rule.getVerbs()), nullSafe(rule.getResources()),
              nullSafe(rule.getApiGroups()), nullSafe(rule.getResourceNames()))) {
        if (list.stream().anyMatch(s -> s.contains("*"))) {
          out.add(where + ": wildcard in " + rule);
        }
      }
      if (nullSafe(rule.getNonResourceURLs()).size() > 0) {
        out.add(where + ": non-resource URLs in " + rule);
      }
      nullSafe(rule.getVerbs()).stream()
          .filter(FORBIDDEN_VERBS::contains)
          .forEach(v -> out.add(where + ": verb " + v));
      if (nullSafe(rule.getResources()).stream().anyMatch(RbacPolicy::isSecrets)) {
        if (nullSafe(rule.getResourceNames()).isEmpty()) {
          out.add(where + ": secrets without resourceNames");
        }
        if (!nullSafe(rule.getVerbs()).equals(List.of("get"))) {
          out.add(where + ": secrets with verbs " + rule.getVerbs());
        }
        if (!engineNamespace.equals(namespace)) {
          out.add(where + ": secrets outside the engine namespace");
        }
      }
    }
  }

  private static boolean isSecrets(String resource) {
    return resource.equals("secrets") || resource.startsWith("secrets/");
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }
}
