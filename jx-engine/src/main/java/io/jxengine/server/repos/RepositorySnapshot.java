package io.jxengine.server.repos;

import io.jxengine.scm.ProviderKind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every registered repository as of one value of the store's change counter ({@code
 * repositories_version}, bumped by triggers on each insert, update and delete, from any process).
 * Immutable, so any number of threads read it without a lock; a newer counter value means a new
 * snapshot, never a change to this one.
 */
public final class RepositorySnapshot {
  private record Key(ProviderKind provider, String owner, String name) {}

  private final long version;
  private final Map<Long, Repository> byId;
  private final Map<Key, Repository> byName;

  /** @param repositories ordered by id */
  RepositorySnapshot(long version, List<Repository> repositories) {
    this.version = version;
    Map<Long, Repository> ids = new LinkedHashMap<>();
    Map<Key, Repository> names = new HashMap<>();
    for (Repository r : repositories) {
      ids.put(r.id(), r);
      names.put(new Key(r.provider(), r.owner(), r.name()), r);
    }
    this.byId = ids;
    this.byName = names;
  }

  /** The counter value this snapshot was read at. */
  public long version() {
    return version;
  }

  public Optional<Repository> get(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Exact match, as the {@code UNIQUE (provider, owner, name)} column comparison. */
  public Optional<Repository> find(ProviderKind provider, String owner, String name) {
    return Optional.ofNullable(byName.get(new Key(provider, owner, name)));
  }

  /** Ordered by id. */
  public List<Repository> list() {
    return List.copyOf(byId.values());
  }
}
