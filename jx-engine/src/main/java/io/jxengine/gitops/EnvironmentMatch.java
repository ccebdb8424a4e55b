package io.jxengine.gitops;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which registered environment a repository is: a provider-hosted environment by its owner and
 * name (first), a plain git one by its URL or path (compared in one spelling). Pure and
 * thread-safe.
 */
public final class EnvironmentMatch {
  private EnvironmentMatch() {}

  /**
   * The environment whose repository is {@code owner/repo} at {@code gitUrl}, if any.
   *
   * @param gitUrl the repository's clone URL or local path; may be null
   */
  public static Optional<Environment> of(
      List<Environment> environments, String owner, String repo, String gitUrl) {
    // A provider's owner/name is the stronger match: a plain environment may share its URL.
    for (Environment env : environments) {
      if (env.hasProvider() && env.owner() != null && env.owner().equalsIgnoreCase(owner)
          && env.repoName() != null && env.repoName().equalsIgnoreCase(repo)) {
        return Optional.of(env);
      }
    }
    for (Environment env : environments) {
      if (!env.hasProvider() && gitUrl != null && canonical(env.repoUrl()).equals(canonical(gitUrl))) {
        return Optional.of(env);
      }
    }
    return Optional.empty();
  }

  /** A URL or path in one spelling: local paths absolute and normalised, URLs without a trailing slash. */
  static String canonical(String urlOrPath) {
    String s = urlOrPath.strip();
    if (s.startsWith("file:")) {
      try {
        return Path.of(java.net.URI.create(s)).toAbsolutePath().normalize().toString();
      } catch (IllegalArgumentException e) {
        s = s.substring("file:".length()); // not a well-formed URI: take the rest as a path
      }
    }
    if (!s.contains("://") && !s.matches("^[^/]+@[^/:]+:.*")) {
      return Path.of(s).toAbsolutePath().normalize().toString();
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.toLowerCase(Locale.ROOT);
  }
}
