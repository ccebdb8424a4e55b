package io.jxengine.server.queue;

import io.jxengine.server.repos.Repository;
import io.jxengine.server.runs.QueuedRun;
import io.jxengine.server.trigger.RunIntent;

/** Lets tests in other packages build a queued run exactly as the worker does. */
public final class DeliveryWorkerAccess {
  private DeliveryWorkerAccess() {}

  public static QueuedRun queuedRun(Repository repo, RunIntent intent) {
    return DeliveryWorker.queuedRun(repo, intent);
  }
}
