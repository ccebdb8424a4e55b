package io.jxengine.server.trigger;

/**
 * Stop the queued or running builds of this pull request and pipeline (a newer push superseded
 * them).
 */
public record CancelRequest(String owner, String repo, int pullNumber, String pipeline, String reason) {}
