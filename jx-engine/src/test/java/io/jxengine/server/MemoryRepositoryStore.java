package io.jxengine.server;

import io.jxengine.scm.ProviderKind;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.repos.RepositoryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A repository store in memory, for server tests. */
final class MemoryRepositoryStore implements RepositoryStore {
  private final Map<Long, Repository> byId = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  @Override
  public synchronized Repository save(Repository r) {
    Optional<Repository> old = find(r.provider(), r.owner(), r.name());
    long id = old.map(Repository::id).orElseGet(ids::incrementAndGet);
    String secret = r.webhookSecret() != null ? r.webhookSecret()
        : old.map(Repository::webhookSecret).orElse(null);
    Repository saved = new Repository(id, r.provider(), r.owner(), r.name(), r.cloneUrl(),
        r.apiUrl(), r.tokenSecret(), secret, r.defaultBranch(), r.trustedUsers(), r.localPath(),
        r.pollInterval(), old.map(Repository::created).orElse(Instant.now()));
    byId.put(id, saved);
    return saved;
  }

  @Override
  public Optional<Repository> get(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public Optional<Repository> find(ProviderKind provider, String owner, String name) {
    return byId.values().stream()
        .filter(r -> r.provider() == provider && r.owner().equals(owner) && r.name().equals(name))
        .findFirst();
  }

  @Override
  public List<Repository> list() {
    return new ArrayList<>(byId.values());
  }

  @Override
  public boolean remove(long id) {
    return byId.remove(id) != null;
  }
}
