package io.jxengine.server.repos;

import io.jxengine.scm.ProviderKind;
import java.util.List;
import java.util.Optional;

/**
 * The registered repositories. Thread-safe; every method commits before it returns. The
 * embedded implementation shares the SQLite file of the activity store.
 */
public interface RepositoryStore {
  /**
   * Registers a repository, or updates the one with the same provider, owner and name (keeping
   * its id and webhook secret unless {@code repo.webhookSecret()} is non-null). The id and
   * created time of the argument are ignored.
   */
  Repository save(Repository repo);

  Optional<Repository> get(long id);

  Optional<Repository> find(ProviderKind provider, String owner, String name);

  List<Repository> list();

  /** Removes it; its activities stay. */
  boolean remove(long id);
}
