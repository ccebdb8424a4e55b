package io.jxengine.cli;

import io.jxengine.kube.state.KubeSettings;
import io.jxengine.scm.GitProvider;
import io.jxengine.scm.provider.GitProviders;
import io.jxengine.secrets.SecretProvider;
import io.jxengine.server.ProviderFactory;
import io.jxengine.server.SecretProviderFactory;
import io.jxengine.server.repos.Repository;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Provider clients in cluster mode: a repository that names its own token secret uses it (as
 * {@link SecretProviderFactory}); one of the chart's provider kind without one uses the chart's
 * token ({@code JXE_GIT_TOKEN}) and API URL ({@code JXE_GIT_API_URL}, unless the repository has
 * its own). One client per API URL, reused. Thread-safe.
 */
final class ClusterProviderFactory implements ProviderFactory {
  private final KubeSettings settings;
  private final SecretProviderFactory own;
  private final Map<String, GitProvider> clients = new ConcurrentHashMap<>();

  ClusterProviderFactory(KubeSettings settings, SecretProvider secrets) {
    this.settings = settings;
    this.own = new SecretProviderFactory(secrets);
  }

  @Override
  public Optional<GitProvider> forRepository(Repository repo) {
    if (repo.tokenSecret() != null) {
      return own.forRepository(repo);
    }
    String apiUrl = repo.apiUrl() != null ? repo.apiUrl() : settings.gitApiUrl();
    // Gitea statuses are not implemented by the provider clients (see SecretProviderFactory).
    if (settings.gitToken() == null || apiUrl == null || repo.provider() != settings.gitKind()
        || repo.provider() == io.jxengine.scm.ProviderKind.GITEA) {
      return Optional.empty();
    }
    return Optional.of(clients.computeIfAbsent(apiUrl,
        url -> GitProviders.create(repo.provider(), url, settings.gitToken())));
  }
}
