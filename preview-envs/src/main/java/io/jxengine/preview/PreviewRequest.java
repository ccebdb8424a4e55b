package io.jxengine.preview;

import io.jxengine.scm.RepoRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@code jxe preview create} deploys: this build of one pull request.
 *
 * @param chart the application's chart directory, or null for the default chart
 * @param hostPattern the Ingress host, with {@code {app}}, {@code {number}}, {@code {owner}},
 *     {@code {repo}}, {@code {namespace}} and {@code {domain}} placeholders
 * @param rolloutTimeout how long to wait for Deployments and StatefulSets to be ready
 * @param ttl how long the preview may stay without a new push
 * @param maxPerRepository how many previews the repository may keep
 * @param guards the namespace's ResourceQuota and LimitRange sizes
 */
public record PreviewRequest(
    RepoRef repo,
    int pullRequest,
    String pullRequestUrl,
    String image,
    String version,
    Path chart,
    String hostPattern,
    String domain,
    Duration rolloutTimeout,
    Duration ttl,
    int maxPerRepository,
    PreviewGuards guards) {
  public static final String DEFAULT_HOST_PATTERN = "{app}-pr-{number}.{domain}";

  /** With the default quota and limits. */
  public PreviewRequest(RepoRef repo, int pullRequest, String pullRequestUrl, String image,
      String version, Path chart, String hostPattern, String domain, Duration rolloutTimeout,
      Duration ttl, int maxPerRepository) {
    this(repo, pullRequest, pullRequestUrl, image, version, chart, hostPattern, domain,
        rolloutTimeout, ttl, maxPerRepository, PreviewGuards.DEFAULTS);
  }

  /** The same request for {@code url}, the pull request's web page. */
  public PreviewRequest withPullRequestUrl(String url) {
    return new PreviewRequest(repo, pullRequest, url, image, version, chart, hostPattern, domain,
        rolloutTimeout, ttl, maxPerRepository, guards);
  }

  public PreviewRequest {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(image, "image");
    if (hostPattern == null || hostPattern.isBlank()) {
      hostPattern = DEFAULT_HOST_PATTERN;
    }
    if (guards == null) {
      guards = PreviewGuards.DEFAULTS;
    }
  }

  /** The preview's name, which is also its namespace. */
  public String name() {
    return PreviewNames.namespace(repo.owner(), repo.name(), pullRequest);
  }

  /**
   * The Ingress host for this preview.
   *
   * @throws IllegalArgumentException when the result is not a valid DNS name
   */
  public String host() {
    String host = hostPattern
        .replace("{app}", PreviewNames.app(repo.name()))
        .replace("{number}", Integer.toString(pullRequest))
        .replace("{owner}", PreviewNames.app(repo.owner()))
        .replace("{repo}", PreviewNames.app(repo.name()))
        .replace("{namespace}", name())
        .replace("{domain}", domain == null ? "" : domain);
    if (host.length() > 253
        || !host.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*")) {
      throw new IllegalArgumentException("host pattern " + hostPattern + " gives " + host
          + ", which is not a valid DNS name (lower-case labels of at most 63 characters)");
    }
    return host;
  }
}
