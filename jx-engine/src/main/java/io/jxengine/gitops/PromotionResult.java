package io.jxengine.gitops;

import io.jxengine.activity.Status;

/**
 * How a promotion ended.
 *
 * @param status Succeeded (merged), NotExecuted (strategy Never, or already at the version),
 *     Failed, TimedOut or Error
 * @param pullRequestUrl the promotion's pull request, or null (plain git: the branch)
 * @param mergeSha the commit on the environment's branch that carries the version, or null
 * @param message why it ended this way, for the user and the activity
 * @param activityId the activity that records it, or 0
 */
public record PromotionResult(
    Status status, String pullRequestUrl, String mergeSha, String message, long activityId) {}
