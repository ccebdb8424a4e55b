package io.jxengine.server.api;

import io.jxengine.scm.ProviderKind;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.repos.RepositoryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A RepositoryStore in memory, for tests that need repositories but not the server core. */
public final class InMemoryRepositoryStore implements RepositoryStore {
  private final Map<Long, Repository> byId = new TreeMap<>();
  private long nextId = 1;

  @Override
  public synchronized Repository save(Repository repo) {
    Optional<Repository> existing = find(repo.provider(), repo.owner(), repo.name());
    long id = existing.map(Repository::id).orElseGet(() -> nextId++);
    String secret = repo.webhookSecret() != null ? repo.webhookSecret()
        : existing.map(Repository::webhookSecret).orElse("generated-" + id);
    Instant created = existing.map(Repository::created).orElseGet(Instant::now);
    Repository saved = new Repository(id, repo.provider(), repo.owner(), repo.name(),
        repo.cloneUrl(), repo.apiUrl(), repo.tokenSecret(), secret, repo.defaultBranch(),
        repo.trustedUsers(), repo.localPath(), repo.pollInterval(), created);
    byId.put(id, saved);
    return saved;
  }

  @Override
  public synchronized Optional<Repository> get(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Optional<Repository> find(ProviderKind provider, String owner, String name) {
    return byId.values().stream()
        .filter(r -> r.provider() == provider && r.owner().equals(owner) && r.name().equals(name))
        .findFirst();
  }

  @Override
  public synchronized List<Repository> list() {
    return new ArrayList<>(byId.values());
  }

  @Override
  public synchronized boolean remove(long id) {
    return byId.remove(id) != null;
  }
}
