package io.jxengine.server;

/**
 * What the API and UI may ask of running builds. Implemented by the server's scheduler.
 * Thread-safe. Unknown ids are {@link java.util.NoSuchElementException}s (HTTP 404).
 */
public interface RunControl {
  /** Asks a queued or running build to stop; false when it had already ended. */
  boolean stop(long activityId);

  /**
   * Queues a new run of the same pipeline at the same commit with the same context.
   *
   * @return the new activity's id
   */
  long rerun(long activityId);
}
