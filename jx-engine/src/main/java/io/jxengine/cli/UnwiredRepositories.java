package io.jxengine.cli;

import io.jxengine.scm.ProviderKind;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.repos.RepositoryStore;
import java.util.List;
import java.util.Optional;

/**
 * Stands in for the repository store until {@code jxe import} lands: knows no repository, so
 * every webhook is answered 404. Thread-safe (stateless).
 */
final class UnwiredRepositories implements RepositoryStore {
  @Override
  public Repository save(Repository repo) {
    throw new UnsupportedOperationException("registering repositories is not in this build");
  }

  @Override
  public Optional<Repository> get(long id) {
    return Optional.empty();
  }

  @Override
  public Optional<Repository> find(ProviderKind provider, String owner, String name) {
    return Optional.empty();
  }

  @Override
  public List<Repository> list() {
    return List.of();
  }

  @Override
  public boolean remove(long id) {
    return false;
  }
}
