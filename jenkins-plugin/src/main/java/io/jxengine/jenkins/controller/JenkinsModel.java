package io.jxengine.jenkins.controller;

import java.time.Instant;
import java.util.List;

/** What the engine reads from a Jenkins controller, as plain values. */
final class JenkinsModel {
  private JenkinsModel() {}

  /**
   * A job that has builds (not a folder).
   *
   * @param fullName {@code folder/job}, unique on the controller
   * @param branchOf for a branch job of a multibranch project, the project's full name; else null
   */
  record Job(String fullName, String name, String className, String color, String branchOf) {}

  /**
   * One build as its {@code api/json} shows it.
   *
   * @param result SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED; null while it runs
   * @param branch the git branch the build checked out (git plugin's BuildData), or null
   */
  record Build(
      int number, boolean building, String result, Instant started, long durationMillis,
      String displayName, String causeUser, String causeClass, String commitSha, String branch,
      String gitUrl) {
    Instant completed() {
      return building || started == null ? null : started.plusMillis(Math.max(0, durationMillis));
    }
  }

  /** A stage as pipeline-stage-view's {@code wfapi/describe} shows it. */
  record Stage(String id, String name, String status, Instant started, long durationMillis) {}

  /** A build's stages; {@code available} is false for jobs without stage data (freestyle). */
  record Stages(boolean available, List<Stage> stages) {}

  /**
   * A queue item: waiting ({@code why} says for what), cancelled, or left the queue as a build.
   *
   * @param buildNumber the build it became, or null while it waits
   */
  record QueueItem(long id, boolean cancelled, String why, Integer buildNumber) {}

  /** A piece of progressive console text and where to continue. */
  record ConsoleChunk(String text, long next, boolean more) {}
}
