package io.jxengine.jenkins.controller;

import io.jxengine.jenkins.controller.JenkinsModel.ConsoleChunk;
import io.jxengine.jenkins.controller.JenkinsModel.QueueItem;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Follows a triggered build on its controller: through the queue until it becomes a build, then
 * its progressive console output ({@code logText/progressiveText?start=}) until Jenkins stops
 * sending {@code X-More-Data: true}. Polls at a fixed interval; the calling thread sleeps in
 * between, and an interrupt ends the wait with a {@link JenkinsException}.
 */
public final class BuildFollower {
  private final JenkinsClient client;
  private final Duration interval;

  public BuildFollower(JenkinsClient client, Duration interval) {
    this.client = client;
    this.interval = interval;
  }

  /**
   * Waits until queue item {@code queueId} has become a build and returns its number.
   *
   * @throws JenkinsException when the item was cancelled or is still waiting after {@code timeout}
   */
  public int waitForBuild(long queueId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      QueueItem item = client.queueItem(queueId);
      if (item.buildNumber() != null) {
        return item.buildNumber();
      }
      if (item.cancelled()) {
        throw new JenkinsException("controller " + client.controller().name() + ": queue item "
            + queueId + " was cancelled", 0);
      }
      if (System.nanoTime() > deadline) {
        throw new JenkinsException("controller " + client.controller().name() + ": queue item "
            + queueId + " is still waiting after " + timeout.toSeconds() + "s"
            + (item.why() == null ? "" : ": " + item.why()), 0);
      }
      pause();
    }
  }

  /** Prints the build's console from the start as it grows, until the build has ended. */
  public void console(String job, int number, PrintWriter out) {
    long start = 0;
    while (true) {
      ConsoleChunk chunk = client.console(job, number, start);
      out.print(chunk.text());
      out.flush();
      start = chunk.next();
      if (!chunk.more()) {
        return;
      }
      pause();
    }
  }

  private void pause() {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JenkinsException("controller " + client.controller().name()
          + ": stopped waiting (interrupted)", 0);
    }
  }
}
