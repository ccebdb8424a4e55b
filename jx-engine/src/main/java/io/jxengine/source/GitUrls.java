package io.jxengine.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Owner and repository names from a git remote URL: {@code https://github.com/o/r.git},
 * {@code git@github.com:o/r.git}, {@code ssh://git@host:22/o/r}, GitLab subgroups
 * ({@code https://gitlab.com/group/sub/r} → owner {@code group/sub}), {@code file:///x/o/r.git}
 * and plain paths ({@code /x/o/r}, owner = the parent directory's name). Pure.
 */
public final class GitUrls {
  private GitUrls() {}

  /** The owner and repository of a remote. */
  public record OwnerRepo(String owner, String repo) {}

  /** Parses {@code url}; null when it names no repository. */
  public static OwnerRepo parse(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.trim();
    boolean local;
    String path;
    if (u.startsWith("file://")) {
      local = true;
      path = u.substring("file://".length());
    } else if (u.contains("://")) {
      local = false;
      String rest = u.substring(u.indexOf("://") + 3);
      int slash = rest.indexOf('/');
      path = slash < 0 ? "" : rest.substring(slash);
    } else if (u.matches("^[^/]+@[^/:]+:.*") || u.matches("^[A-Za-z0-9.-]+\\.[A-Za-z]+:.*")) {
      local = false; // scp-like: git@host:owner/repo
      path = u.substring(u.indexOf(':') + 1);
    } else {
      local = true;
      path = u;
    }
    List<String> segments = new ArrayList<>(
        Arrays.stream(path.split("[/\\\\]")).filter(s -> !s.isEmpty()).toList());
    if (segments.isEmpty()) {
      return null;
    }
    String repo = segments.remove(segments.size() - 1);
    if (repo.endsWith(".git")) {
      repo = repo.substring(0, repo.length() - 4);
    }
    if (repo.isEmpty()) {
      return null;
    }
    String owner;
    if (segments.isEmpty()) {
      owner = "local";
    } else if (local) {
      owner = segments.get(segments.size() - 1);
    } else {
      owner = String.join("/", segments);
    }
    return new OwnerRepo(owner, repo);
  }

  /**
   * The web page of a remote's repository, for links in release notes: {@code
   * https://host/owner/repo} for https, ssh and scp-like URLs ({@code http} stays {@code http});
   * user names, passwords, ports of ssh and a trailing {@code .git} are dropped. Null for local
   * paths and {@code file://} URLs, which have no web page.
   */
  public static String webUrl(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.trim();
    String scheme;
    String hostAndPath;
    if (u.startsWith("https://") || u.startsWith("http://")) {
      scheme = u.substring(0, u.indexOf("://"));
      hostAndPath = u.substring(scheme.length() + 3);
    } else if (u.startsWith("ssh://") || u.startsWith("git://")) {
      scheme = "https";
      hostAndPath = u.substring(u.indexOf("://") + 3).replaceFirst("^([^/]*?):\\d+/", "$1/");
    } else if (u.matches("^[^/]+@[^/:]+:.*") || u.matches("^[A-Za-z0-9.-]+\\.[A-Za-z]+:.*")) {
      scheme = "https";
      hostAndPath = u.replaceFirst(":", "/");
    } else {
      return null;
    }
    int slash = hostAndPath.indexOf('/');
    if (slash <= 0) {
      return null;
    }
    String host = hostAndPath.substring(0, slash);
    host = host.substring(host.lastIndexOf('@') + 1);
    String path = hostAndPath.substring(slash).replaceAll("/+$", "");
    if (path.endsWith(".git")) {
      path = path.substring(0, path.length() - 4);
    }
    if (host.isEmpty() || path.length() <= 1) {
      return null;
    }
    return scheme + "://" + host + path;
  }
}
