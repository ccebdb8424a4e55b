package io.jxengine.scm;

/**
 * A pull request as the provider's API reports it.
 *
 * @param state open or closed
 * @param mergeable null while the provider is still computing it
 */
public record PullRequestInfo(
    int number,
    String state,
    boolean merged,
    String title,
    String headRef,
    String headSha,
    String baseRef,
    String htmlUrl,
    Boolean mergeable,
    String mergeSha) {}
