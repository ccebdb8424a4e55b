package io.jxengine.cli;

import io.jxengine.scm.ProviderKind;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.repos.RepositoryStore;
import java.util.List;
import java.util.Optional;

/**
 * In cluster mode every webhook is signed with the secret the chart configures
 * ({@code JXE_WEBHOOK_SECRET}), unless a repository was registered with its own: this store shows
 * repositories without one as having the chart's. Writes pass through unchanged. Thread-safe as
 * the store it wraps.
 */
final class DefaultWebhookSecret implements RepositoryStore {
  private final RepositoryStore store;
  private final String secret;

  DefaultWebhookSecret(RepositoryStore store, String secret) {
    this.store = store;
    this.secret = secret;
  }

  @Override
  public Repository save(Repository repo) {
    return withSecret(store.save(repo));
  }

  @Override
  public Optional<Repository> get(long id) {
    return store.get(id).map(this::withSecret);
  }

  @Override
  public Optional<Repository> find(ProviderKind provider, String owner, String name) {
    return store.find(provider, owner, name).map(this::withSecret);
  }

  @Override
  public List<Repository> list() {
    return store.list().stream().map(this::withSecret).toList();
  }

  @Override
  public boolean remove(long id) {
    return store.remove(id);
  }

  private Repository withSecret(Repository r) {
    if (r.webhookSecret() != null && !r.webhookSecret().isEmpty()) {
      return r;
    }
    return new Repository(r.id(), r.provider(), r.owner(), r.name(), r.cloneUrl(), r.apiUrl(),
        r.tokenSecret(), secret, r.defaultBranch(), r.trustedUsers(), r.localPath(),
        r.pollInterval(), r.created());
  }
}
