package io.jxengine.server.poll;

import io.jxengine.scm.GitEvent;
import io.jxengine.server.repos.Repository;

/**
 * Where the poller and the cron scheduler hand the events they make up: the server core
 * implements it with its durable delivery queue.
 *
 * <p>Contract: {@code deliver} returns once the event is stored durably (or throws, and the
 * caller tries again later with the same delivery id). The same delivery id delivered twice must
 * lead to one run at most: the poller and the scheduler rely on that after a crash or restart.
 * Delivery ids: {@code poll:<repoId>:<ref>:<sha>} and {@code cron:<repoId>:<pipeline>:<yyyyMMddHHmm>}.
 * Called from the poller's or scheduler's own thread.
 */
@FunctionalInterface
public interface EventSink {
  void deliver(Repository repo, String deliveryId, GitEvent event);
}
