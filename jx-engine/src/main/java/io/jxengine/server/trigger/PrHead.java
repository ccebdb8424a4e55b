package io.jxengine.server.trigger;

/**
 * What planning needs of a pull request, from its webhook or from the provider's API.
 *
 * @param author the pull request's author, or null when unknown (comment events)
 * @param baseSha the base branch's commit, or null to read the base branch in the mirror
 * @param withSecrets false for pull requests from forks
 */
record PrHead(
    int number,
    String title,
    String author,
    String headRef,
    String headSha,
    String baseRef,
    String baseSha,
    boolean withSecrets) {}
