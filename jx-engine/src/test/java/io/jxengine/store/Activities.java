package io.jxengine.store;

import io.jxengine.activity.NewActivity;

/** Test data: activities as a runner would describe them. */
public final class Activities {
  private Activities() {}

  public static NewActivity of(String owner, String repo, String branch) {
    return withRunner(owner, repo, branch, 0, 0);
  }

  public static NewActivity withRunner(
      String owner, String repo, String branch, long runnerPid, long runnerStart) {
    return new NewActivity(
        owner, repo, branch, "release", "https://github.com/" + owner + "/" + repo + ".git",
        "0123456789abcdef0123456789abcdef01234567", "fix the build", "jdoe", null, null, null,
        "1.2.3", "native", "push", runnerPid, runnerStart);
  }

  public static NewActivity pullRequest(String owner, String repo, int number) {
    return new NewActivity(
        owner, repo, "PR-" + number, "pr", "https://github.com/" + owner + "/" + repo + ".git",
        "fedcba9876543210fedcba9876543210fedcba98", "try it", "alice", "Add a feature",
        number, "0123456789abcdef0123456789abcdef01234567", null, "jenkinsfile",
        "pull_request", 0, 0);
  }
}
