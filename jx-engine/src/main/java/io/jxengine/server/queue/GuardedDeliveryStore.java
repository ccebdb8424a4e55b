package io.jxengine.server.queue;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@link DeliveryStore} on the same file as the registered repositories, that can make storing
 * a delivery conditional on the repositories it was verified against being unchanged: the
 * repositories' change counter is read in the delivery's own transaction. So a delivery verified
 * with a secret from memory is stored only if that secret was still the registered one at the
 * moment of the commit, with no read of the repository per delivery. Thread-safe.
 */
public interface GuardedDeliveryStore extends DeliveryStore {
  /**
   * As {@link #store}, but only while the repositories' change counter equals {@code
   * repositoriesVersion}; empty, with nothing written, when it has moved.
   */
  Optional<Stored> storeIfRepositoriesAt(NewDelivery delivery, long repositoriesVersion);

  /** The store file. */
  Path file();
}
