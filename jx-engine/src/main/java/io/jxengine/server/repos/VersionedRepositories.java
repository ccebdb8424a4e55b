package io.jxengine.server.repos;

import java.nio.file.Path;

/**
 * Repositories kept in memory as {@link RepositorySnapshot}s labelled with the store's change
 * counter, for callers that check the label themselves where it is cheapest: the webhook intake
 * verifies a delivery against {@link #cached} and stores it only if the counter, read in the
 * delivery's own transaction, still has the snapshot's value ({@link
 * io.jxengine.server.queue.GuardedDeliveryStore}). Thread-safe.
 */
public interface VersionedRepositories {
  /** The snapshot in memory, without reading the store: possibly stale (loads one at first). */
  RepositorySnapshot cached();

  /** The snapshot as of now: reads the change counter and reloads when it moved. */
  RepositorySnapshot current();

  /** The store file the counter lives in; a guard on another file means nothing. */
  Path file();
}
