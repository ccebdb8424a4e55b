package io.jxengine.activity;

import java.time.Instant;

/**
 * What a system outside the engine (an existing Jenkins controller) says of one of its runs, so
 * that the run is recorded under the number, status, times and link it has there rather than
 * the engine's next build number.
 *
 * @param build the run's number on the other system
 * @param started null when it has not started
 * @param completed null while it runs
 * @param buildUrl the link back to the run on the other system
 * @param message why it ended as it did, or empty
 */
public record ExternalRun(
    int build, Status status, Instant started, Instant completed, String buildUrl,
    String message) {
  public ExternalRun {
    if (build < 1) {
      throw new IllegalArgumentException("build numbers start at 1, got " + build);
    }
    message = message == null ? "" : message;
  }
}
