package io.jxengine.scm.provider;

import io.jxengine.scm.GitProvider;
import io.jxengine.scm.ProviderKind;
import java.util.Objects;

/** Makes the {@link GitProvider} for a kind of git hosting. */
public final class GitProviders {
  private GitProviders() {}

  /**
   * @param apiUrl GitHub: the REST API root ({@code https://api.github.com}); GitLab: the server
   *     root ({@code https://gitlab.com}); Gitea: the server root
   * @throws IllegalArgumentException for {@link ProviderKind#GIT}, which has no API
   */
  public static GitProvider create(ProviderKind kind, String apiUrl, String token) {
    return create(kind, apiUrl, token, ProviderTimeouts.DEFAULT);
  }

  public static GitProvider create(
      ProviderKind kind, String apiUrl, String token, ProviderTimeouts timeouts) {
    Objects.requireNonNull(kind, "kind");
    return switch (kind) {
      case GITHUB -> new GitHubProvider(apiUrl, token, timeouts);
      case GITLAB -> new GitLabProvider(apiUrl, token, timeouts);
      case GITEA -> new GiteaProvider(apiUrl, token, timeouts);
      case GIT ->
          throw new IllegalArgumentException(
              "a plain git repository (kind GIT) has no provider API: statuses, comments and pull"
                  + " requests need GITHUB, GITLAB or GITEA");
    };
  }
}
