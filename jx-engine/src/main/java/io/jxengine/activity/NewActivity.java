package io.jxengine.activity;

/**
 * What is known of a run before it starts; the store assigns the id and build number.
 *
 * @param runnerPid the process that will run it (for crash recovery); 0 when none yet
 * @param runnerStart the runner process's start time in epoch milliseconds (guards PID reuse)
 */
public record NewActivity(
    String owner,
    String repo,
    String branch,
    String context,
    String gitUrl,
    String commitSha,
    String commitMessage,
    String author,
    String pullTitle,
    Integer pullNumber,
    String baseSha,
    String version,
    String source,
    String event,
    long runnerPid,
    long runnerStart) {}
