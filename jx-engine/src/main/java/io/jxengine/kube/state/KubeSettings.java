package io.jxengine.kube.state;

import io.jxengine.scm.ProviderKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configuration of {@code jxe server --kube}, read from the environment the Helm chart gives
 * the engine's container ({@code charts/jx-engine/templates/deployment.yaml}; {@code
 * ChartSettingsTest} checks that the two agree). {@link #NAMES} lists every variable read here.
 *
 * @param namespace the engine's own namespace: activities, the queue, the Lease
 * @param instance this process's name among replicas: the pod name and a random suffix (a
 *     restarted container keeps its pod name but is another runner)
 * @param buildNamespaces where pipelines run; the first is the default
 * @param leaseName the Lease to elect a leader with, or null: this replica always consumes
 * @param gitToken the provider API token, or null: no commit statuses unless repositories name
 *     their own token secret
 */
public record KubeSettings(
    String namespace,
    String instance,
    List<String> buildNamespaces,
    String buildServiceAccount,
    String leaseName,
    Duration leaseDuration,
    ProviderKind gitKind,
    String gitApiUrl,
    String gitToken,
    String webhookSecret) {
  public static final String NAMESPACE = "JXE_NAMESPACE";
  public static final String POD_NAME = "JXE_POD_NAME";
  public static final String BUILD_NAMESPACES = "JXE_BUILD_NAMESPACES";
  public static final String BUILD_SERVICE_ACCOUNT = "JXE_BUILD_SERVICE_ACCOUNT";
  public static final String LEADER_LEASE = "JXE_LEADER_LEASE";
  public static final String LEADER_LEASE_SECONDS = "JXE_LEADER_LEASE_SECONDS";
  public static final String GIT_KIND = "JXE_GIT_KIND";
  public static final String GIT_API_URL = "JXE_GIT_API_URL";
  public static final String GIT_TOKEN = "JXE_GIT_TOKEN";
  public static final String WEBHOOK_SECRET = "JXE_WEBHOOK_SECRET";
  /** Read by {@code JxeHome}, not here, but part of the engine's settings. */
  public static final String HOME = "JXE_HOME";

  /** Every environment variable the engine reads in cluster mode. */
  public static final Set<String> NAMES = Set.of(NAMESPACE, POD_NAME, BUILD_NAMESPACES,
      BUILD_SERVICE_ACCOUNT, LEADER_LEASE, LEADER_LEASE_SECONDS, GIT_KIND, GIT_API_URL, GIT_TOKEN,
      WEBHOOK_SECRET, HOME);

  public static final String DEFAULT_BUILD_SERVICE_ACCOUNT = "jx-engine-build";
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final List<ProviderKind> GIT_KINDS =
      List.of(ProviderKind.GITHUB, ProviderKind.GITLAB, ProviderKind.GITEA);

  /** Every problem of the environment, in one line. */
  public static final class InvalidException extends IllegalArgumentException {
    InvalidException(List<String> problems) {
      super("cluster settings: " + String.join("; ", problems));
    }
  }

  /**
   * Reads and checks the settings; all problems are reported at once.
   *
   * @throws InvalidException naming each variable that is missing or wrong
   */
  public static KubeSettings fromEnvironment(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String namespace = text(env, NAMESPACE);
    if (namespace == null) {
      problems.add(NAMESPACE + " is not set (the chart sets it to the pod's namespace)");
    } else {
      dnsLabel(problems, NAMESPACE, namespace);
    }
    List<String> builds = new ArrayList<>();
    String buildText = text(env, BUILD_NAMESPACES);
    if (buildText == null) {
      if (namespace != null) {
        builds.add(namespace);
      }
    } else {
      Set<String> unique = new LinkedHashSet<>();
      for (String ns : buildText.split(",")) {
        if (!ns.isBlank()) {
          unique.add(ns.trim());
        }
      }
      unique.forEach(ns -> dnsLabel(problems, BUILD_NAMESPACES, ns));
      builds.addAll(unique);
      if (builds.isEmpty()) {
        problems.add(BUILD_NAMESPACES + " lists no namespace");
      }
    }
    String account = orDefault(text(env, BUILD_SERVICE_ACCOUNT), DEFAULT_BUILD_SERVICE_ACCOUNT);
    dnsSubdomain(problems, BUILD_SERVICE_ACCOUNT, account);
    String lease = text(env, LEADER_LEASE);
    if (lease != null) {
      dnsSubdomain(problems, LEADER_LEASE, lease);
    }
    Duration leaseDuration = leaseDuration(problems, text(env, LEADER_LEASE_SECONDS));
    ProviderKind kind = gitKind(problems, orDefault(text(env, GIT_KIND), "github"));
    String apiUrl = text(env, GIT_API_URL);
    if (apiUrl != null && !isHttpUrl(apiUrl)) {
      problems.add(GIT_API_URL + " must be an http(s) URL, not `" + apiUrl + "`");
    }
    String secret = text(env, WEBHOOK_SECRET);
    if (secret == null) {
      problems.add(WEBHOOK_SECRET + " is not set (the chart reads it from the webhook Secret)");
    }
    if (!problems.isEmpty()) {
      throw new InvalidException(problems);
    }
    String pod = orDefault(text(env, POD_NAME), orDefault(text(env, "HOSTNAME"), "jxe"));
    return new KubeSettings(namespace, pod + "-" + nonce(), List.copyOf(builds), account, lease,
        leaseDuration, kind, apiUrl, text(env, GIT_TOKEN), secret);
  }

  /** Without the secret values. */
  @Override
  public String toString() {
    return "KubeSettings[namespace=" + namespace + ", instance=" + instance + ", buildNamespaces="
        + buildNamespaces + ", leaseName=" + leaseName + ", leaseDuration=" + leaseDuration
        + ", gitKind=" + gitKind + ", gitApiUrl=" + gitApiUrl + "]";
  }

  private static Duration leaseDuration(List<String> problems, String text) {
    if (text == null) {
      return DEFAULT_LEASE;
    }
    try {
      int seconds = Integer.parseInt(text);
      if (seconds >= 3 && seconds <= 600) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(LEADER_LEASE_SECONDS + " must be a number of seconds from 3 to 600, not `"
        + text + "`");
    return DEFAULT_LEASE;
  }

  private static ProviderKind gitKind(List<String> problems, String text) {
    for (ProviderKind kind : GIT_KINDS) {
      if (kind.name().equalsIgnoreCase(text)) {
        return kind;
      }
    }
    problems.add(GIT_KIND + " must be github, gitlab or gitea, not `" + text + "`");
    return ProviderKind.GITHUB;
  }

  private static void dnsLabel(List<String> problems, String name, String value) {
    if (value.length() > 63 || !DNS_LABEL.matcher(value).matches()) {
      problems.add(name + ": `" + value + "` is not a Kubernetes namespace name");
    }
  }

  private static void dnsSubdomain(List<String> problems, String name, String value) {
    if (value.length() > 253 || !DNS_SUBDOMAIN.matcher(value).matches()) {
      problems.add(name + ": `" + value + "` is not a Kubernetes object name");
    }
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String text(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static String nonce() {
    byte[] bytes = new byte[3];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
