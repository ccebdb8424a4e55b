package io.jxengine.release;

import io.jxengine.source.GitUrls;
import java.util.Locale;

/**
 * Links to a repository's commits and pull requests on its provider's web site, derived from the
 * remote URL ({@link GitUrls#webUrl}). GitLab's paths ({@code /-/commit/}, {@code
 * /-/merge_requests/}) are used when the host's name contains "gitlab", GitHub's otherwise
 * (GitHub, Gitea and Forgejo share them). A local remote has no web page: no links. Immutable.
 */
public final class RepoLinks {
  private final String web;
  private final boolean gitLab;

  private RepoLinks(String web, boolean gitLab) {
    this.web = web;
    this.gitLab = gitLab;
  }

  public static RepoLinks forRemote(String remoteUrl) {
    String web = GitUrls.webUrl(remoteUrl);
    boolean gitLab = web != null
        && web.replaceFirst("^https?://", "").split("/")[0].toLowerCase(Locale.ROOT).contains("gitlab");
    return new RepoLinks(web, gitLab);
  }

  public static RepoLinks none() {
    return new RepoLinks(null, false);
  }

  /** The repository's web page, or null. */
  public String web() {
    return web;
  }

  public String commit(String sha) {
    return web == null ? null : web + (gitLab ? "/-/commit/" : "/commit/") + sha;
  }

  public String pullRequest(int number) {
    return web == null ? null : web + (gitLab ? "/-/merge_requests/" : "/pull/") + number;
  }

  /** Where the provider shows the release of {@code tag}. */
  public String release(String tag) {
    return web == null ? null : web + (gitLab ? "/-/releases/" : "/releases/tag/") + tag;
  }
}
