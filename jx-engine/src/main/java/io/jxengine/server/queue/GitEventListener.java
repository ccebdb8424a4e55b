package io.jxengine.server.queue;

import io.jxengine.scm.GitEvent;
import io.jxengine.server.repos.Repository;

/**
 * Told of every event the server handles (webhook, poll, cron), after the planner has queued its
 * runs: extensions react to events that start no run, such as a closed pull request whose preview
 * must go. Register with {@link io.jxengine.server.ServerApp#addEventListener}.
 *
 * <p>Called on a delivery worker thread; it should return quickly (hand long work to its own
 * thread). A delivery handled again after a crash calls it again, so it must be idempotent. An
 * exception is noted on the delivery and does not fail it.
 */
@FunctionalInterface
public interface GitEventListener {
  void onEvent(Repository repo, GitEvent event);
}
