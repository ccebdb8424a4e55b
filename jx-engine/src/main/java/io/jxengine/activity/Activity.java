package io.jxengine.activity;

import java.time.Instant;
import java.util.List;

/**
 * A record of one pipeline run, modelled on Jenkins X's PipelineActivity.
 *
 * @param id the store's id, unique across repositories
 * @param build the build number, counted per owner/repo/branch
 * @param context the pipeline's name (Jenkins X's "context"), such as {@code release}
 * @param source where the pipeline came from: native, jenkinsfile, jenkins
 * @param event what started it: push, pull_request, tag, comment, cron, manual
 * @param message why it ended as it did (first failure, timeout, engine died), or empty
 * @param releaseNotesUrl the release notes a release step reported (see {@code StepReports}), or
 *     null
 */
public record Activity(
    long id,
    String owner,
    String repo,
    String branch,
    int build,
    String context,
    Status status,
    Instant started,
    Instant completed,
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
    String buildUrl,
    String message,
    List<StepRecord> steps,
    String releaseNotesUrl) {
  public Activity {
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /** An activity without release notes (most runs). */
  public Activity(
      long id, String owner, String repo, String branch, int build, String context, Status status,
      Instant started, Instant completed, String gitUrl, String commitSha, String commitMessage,
      String author, String pullTitle, Integer pullNumber, String baseSha, String version,
      String source, String event, String buildUrl, String message, List<StepRecord> steps) {
    this(id, owner, repo, branch, build, context, status, started, completed, gitUrl, commitSha,
        commitMessage, author, pullTitle, pullNumber, baseSha, version, source, event, buildUrl,
        message, steps, null);
  }

  /** {@code owner/repo/branch}, the pipeline's key in Jenkins X. */
  public String pipeline() {
    return owner + "/" + repo + "/" + branch;
  }

  /** {@code owner/repo/branch #N}. */
  public String displayName() {
    return pipeline() + " #" + build;
  }

  public Activity withSteps(List<StepRecord> newSteps) {
    return new Activity(
        id, owner, repo, branch, build, context, status, started, completed, gitUrl, commitSha,
        commitMessage, author, pullTitle, pullNumber, baseSha, version, source, event, buildUrl,
        message, newSteps, releaseNotesUrl);
  }
}
