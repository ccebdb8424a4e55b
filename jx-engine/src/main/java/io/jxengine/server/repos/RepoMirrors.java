package io.jxengine.server.repos;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One open {@link RepoMirror} per repository under {@code $JXE_HOME/mirrors}, shared by whoever
 * reads repositories (the cron scheduler, the trigger planner's changed paths). Thread-safe; a
 * repository whose clone URL changed (re-imported) gets a fresh mirror object on the same
 * directory.
 */
public final class RepoMirrors implements AutoCloseable {
  private final Path jxeHome;
  private final Map<Long, RepoMirror> open = new ConcurrentHashMap<>();
  private final Map<Long, String> urls = new ConcurrentHashMap<>();

  public RepoMirrors(Path jxeHome) {
    this.jxeHome = jxeHome;
  }

  /** The mirror of {@code repo} (not fetched: call {@link RepoMirror#fetch} before reading). */
  public RepoMirror get(Repository repo) {
    return open.compute(
        repo.id(),
        (id, existing) -> {
          if (existing != null && repo.cloneUrl().equals(urls.get(id))) {
            return existing;
          }
          if (existing != null) {
            existing.close();
          }
          urls.put(id, repo.cloneUrl());
          return RepoMirror.of(jxeHome, repo);
        });
  }

  @Override
  public void close() {
    open.values().forEach(RepoMirror::close);
    open.clear();
  }
}
