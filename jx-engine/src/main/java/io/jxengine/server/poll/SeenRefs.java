package io.jxengine.server.poll;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the poller saw at its last successful poll of each repository, kept across restarts so a
 * restarted engine does not trigger every branch again. Thread-safe; {@code save} commits.
 */
public interface SeenRefs {
  /** The refs (full name → sha) seen and when. */
  record Snapshot(Instant polledAt, Map<String, String> refs) {
    public Snapshot {
      refs = Map.copyOf(refs);
    }
  }

  /** The last snapshot, or empty when the repository was never polled. */
  Optional<Snapshot> load(long repoId);

  void save(long repoId, Snapshot snapshot);
}
