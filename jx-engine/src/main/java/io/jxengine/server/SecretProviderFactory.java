package io.jxengine.server;

import io.jxengine.scm.GitProvider;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.provider.GitProviders;
import io.jxengine.secrets.SecretProvider;
import io.jxengine.server.repos.Repository;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Providers for repositories registered with an API URL and a token secret ({@code jxe import
 * --api-url URL --token-secret secret/key}); the token comes from the local secrets, never from
 * the database. One client per repository and token, reused.
 */
public final class SecretProviderFactory implements ProviderFactory {
  private static final Logger LOG = LoggerFactory.getLogger(SecretProviderFactory.class);
  private final SecretProvider secrets;
  private final Map<String, GitProvider> clients = new ConcurrentHashMap<>();

  public SecretProviderFactory(SecretProvider secrets) {
    this.secrets = secrets;
  }

  @Override
  public Optional<GitProvider> forRepository(Repository repo) {
    if (repo.apiUrl() == null || repo.tokenSecret() == null
        || repo.provider() == ProviderKind.GIT) {
      return Optional.empty();
    }
    int slash = repo.tokenSecret().indexOf('/');
    if (slash <= 0 || slash == repo.tokenSecret().length() - 1) {
      LOG.warn("repository {}: token secret `{}` is not <secret>/<key>", repo.fullName(),
          repo.tokenSecret());
      return Optional.empty();
    }
    String name = repo.tokenSecret().substring(0, slash);
    String key = repo.tokenSecret().substring(slash + 1);
    Optional<String> token = secrets.lookup(name, key);
    if (token.isEmpty()) {
      LOG.warn("repository {}: the token secret {} is not configured (set {})", repo.fullName(),
          repo.tokenSecret(), SecretProvider.envVarFor(name, key));
      return Optional.empty();
    }
    String cacheKey = repo.id() + "\u0000" + repo.apiUrl() + "\u0000" + token.get().hashCode();
    return Optional.of(clients.computeIfAbsent(
        cacheKey, k -> GitProviders.create(repo.provider(), repo.apiUrl(), token.get())));
  }
}
