package io.jxengine.engine;

import java.util.List;

/**
 * What a run is about: the repository, revision and event. It decides {@code when:} conditions
 * and the Jenkins X job variables every step sees. Values here may come from untrusted sources
 * (branch names, pull-request titles); they only ever reach steps as environment variables.
 *
 * @param event push, pull_request, tag, comment, cron or manual
 * @param tag the tag being built, or null
 * @param pullNumber the pull request's number, or null
 * @param changedPaths paths changed by the event, or null when unknown (path filters then match)
 * @param jobType presubmit, postsubmit, periodic (Jenkins X's JOB_TYPE)
 */
public record RunContext(
    String owner,
    String repo,
    String branch,
    String tag,
    String event,
    String gitUrl,
    String commitSha,
    String commitMessage,
    String author,
    Integer pullNumber,
    String pullTitle,
    String baseRef,
    String baseSha,
    String version,
    String jobType,
    List<String> changedPaths) {
  public RunContext {
    changedPaths = changedPaths == null ? null : List.copyOf(changedPaths);
  }
}
