package io.jxengine.gitops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The end of a promotion's wait, and the pause between two looks. */
final class Deadline {
  private final Clock clock;
  private final Instant end;
  private final Duration poll;
  private final Duration timeout;

  Deadline(Clock clock, Duration timeout, Duration poll) {
    this.clock = clock;
    this.timeout = timeout;
    this.end = clock.instant().plus(timeout);
    this.poll = poll;
  }

  boolean passed() {
    return !clock.instant().isBefore(end);
  }

  Duration timeout() {
    return timeout;
  }

  /** Waits one poll interval; an interrupt ends the promotion as an error. */
  void pause() {
    try {
      Thread.sleep(Math.max(1, poll.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PromotionException("the promotion was interrupted", e);
    }
  }
}
