package io.jxengine.scm;

/**
 * A commit status as providers show it next to a commit or pull request.
 *
 * @param context the check's name, such as {@code jx-engine/pr}
 * @param targetUrl a link to the run in the engine's UI, or null
 */
public record CommitStatus(State state, String context, String description, String targetUrl) {
  public enum State {
    PENDING,
    SUCCESS,
    FAILURE,
    ERROR
  }
}
