package io.jxengine.server.repos;

import io.jxengine.scm.ProviderKind;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code jxe import} was pointed at: a remote URL (https, ssh, scp-like) or a repository on
 * this machine (a path or a {@code file://} URL). Pure: guesses the provider from the host and
 * its API URL from the provider's conventions.
 *
 * @param localPath the absolute path for a repository on this machine, or null for a remote
 * @param host the remote's host name (lower case), or null for a local path
 */
public record ImportTarget(String raw, Path localPath, String host) {
  /** Classifies {@code target}, resolving a relative path against {@code cwd}. */
  public static ImportTarget of(String target, Path cwd) {
    String t = target.trim();
    if (t.startsWith("file://")) {
      return new ImportTarget(t, Path.of(URI.create(t)).toAbsolutePath().normalize(), null);
    }
    if (t.contains("://")) {
      String rest = t.substring(t.indexOf("://") + 3);
      int slash = rest.indexOf('/');
      String authority = slash < 0 ? rest : rest.substring(0, slash);
      return new ImportTarget(t, null, hostOf(authority));
    }
    if (t.matches("^[^/]+@[^/:]+:.*") || t.matches("^[A-Za-z0-9.-]+\\.[A-Za-z]+:.*")) {
      return new ImportTarget(t, null, hostOf(t.substring(0, t.indexOf(':'))));
    }
    return new ImportTarget(t, cwd.resolve(t).toAbsolutePath().normalize(), null);
  }

  private static String hostOf(String authority) {
    String a = authority.substring(authority.lastIndexOf('@') + 1);
    int colon = a.indexOf(':');
    return (colon < 0 ? a : a.substring(0, colon)).toLowerCase(Locale.ROOT);
  }

  public boolean isLocal() {
    return localPath != null;
  }

  /** The provider a host name suggests; plain git for local paths and unknown hosts. */
  public ProviderKind guessProvider() {
    if (host == null) {
      return ProviderKind.GIT;
    }
    if (host.equals("github.com") || host.startsWith("github.")) {
      return ProviderKind.GITHUB;
    }
    if (host.equals("gitlab.com") || host.startsWith("gitlab.")) {
      return ProviderKind.GITLAB;
    }
    if (host.equals("codeberg.org") || host.startsWith("gitea.")) {
      return ProviderKind.GITEA;
    }
    return ProviderKind.GIT;
  }

  /** The provider's API base for this host, or null for plain git or a local repository. */
  public String defaultApiUrl(ProviderKind provider) {
    if (host == null) {
      return null;
    }
    return switch (provider) {
      case GITHUB -> host.equals("github.com") ? "https://api.github.com" : "https://" + host + "/api/v3";
      case GITLAB -> "https://" + host + "/api/v4";
      case GITEA -> "https://" + host + "/api/v1";
      case GIT -> null;
    };
  }
}
